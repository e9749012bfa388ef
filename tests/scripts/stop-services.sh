#!/usr/bin/env bash
# Stops what tests/scripts/ensure-services.sh started: the throw-away PostgreSQL cluster and RabbitMQ.
#   bash tests/scripts/stop-services.sh           stop both
#   bash tests/scripts/stop-services.sh --purge   also delete the throw-away cluster's directory
set -uo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
PG_BIN="${SHIZHU_PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_DIR="${SHIZHU_PG_DIR:-/tmp/shizhu-pg}"
PG_DATA="$PG_DIR/data"

log() { echo "[stop-services] $*" >&2; }
rc=0

SUDO=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=(sudo); fi

# PostgreSQL
if [ -f "$PG_DATA/PG_VERSION" ] && [ -x "$PG_BIN/pg_ctl" ]; then
    if [ "$(id -u)" -eq 0 ]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
        log "stopping PostgreSQL ($PG_DATA)"
        as_pg timeout -k 5 90 "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null \
            || { log "PostgreSQL did not stop cleanly"; rc=1; }
    else
        log "PostgreSQL: not running"
    fi
else
    log "PostgreSQL: no throw-away cluster in $PG_DATA"
fi
if [ "${1:-}" = "--purge" ]; then
    log "removing $PG_DIR"
    rm -rf "$PG_DIR"
fi

# RabbitMQ
if command -v rabbitmqctl >/dev/null 2>&1; then
    if "${SUDO[@]}" timeout -k 5 30 rabbitmqctl -q status >/dev/null 2>&1; then
        log "stopping RabbitMQ"
        "${SUDO[@]}" timeout -k 5 120 rabbitmqctl -q shutdown >/dev/null 2>&1 \
            || "${SUDO[@]}" timeout -k 5 120 service rabbitmq-server stop >/dev/null 2>&1 \
            || { log "RabbitMQ did not stop cleanly"; rc=1; }
    else
        log "RabbitMQ: not running"
    fi
fi

rm -f "$REPO_ROOT/tests/.services.env"
exit "$rc"
