#!/usr/bin/env bash
# Makes sure every server the test suite needs is installed and running on this machine,
# then prints (and writes to tests/.services.env) the SHIZHU_TEST_* variables the fixtures read.
#
# Idempotent: safe to run again and again; what is already installed / running is left alone.
# Meant for a Debian 12 machine, run as root (CI runs it as root). As another user it uses
# sudo for apt and RabbitMQ, and runs the throw-away PostgreSQL cluster as that user.
#
#   PostgreSQL : throw-away cluster in $SHIZHU_PG_DIR (default /tmp/shizhu-pg), 127.0.0.1:55432,
#                trust auth, fsync=off (tests only; never for durable-commit benchmarks).
#   RabbitMQ   : Debian's rabbitmq-server, loopback only, management API on 127.0.0.1:15672,
#                user shizhu / shizhu-test (administrator, full permissions on vhost /).
#   Chromium   : /usr/bin/chromium plus a CJK font (fonts-wqy-microhei) for the browser tests and the bulletins' PDFs;
#                poppler-utils (pdftoppm) to render those PDFs in the tests.
#
# With SHIZHU_USE_TESTCONTAINERS=1 and a reachable Docker engine, PostgreSQL and RabbitMQ are not
# started here and their variables are left unset, so the fixtures fall back to Testcontainers.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
ENV_FILE="$REPO_ROOT/tests/.services.env"

PG_PORT=55432
PG_BIN="${SHIZHU_PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_DIR="${SHIZHU_PG_DIR:-/tmp/shizhu-pg}"
PG_DATA="$PG_DIR/data"
PG_LOG="$PG_DIR/postgres.log"

RMQ_USER=shizhu
RMQ_PASS=shizhu-test
RMQ_CONF_DIR=/etc/rabbitmq
MGMT_URL="http://127.0.0.1:15672"

CHROMIUM=/usr/bin/chromium
CJK_FONT_PKG=fonts-wqy-microhei

log()  { echo "[ensure-services] $*" >&2; }
die()  { echo "[ensure-services] ERROR: $*" >&2; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else SUDO=(__no_root__); fi
fi
as_root() {
    if [ "${SUDO[0]:-}" = "__no_root__" ]; then
        die "this step needs root (no sudo available): $*"
    fi
    "${SUDO[@]}" "$@"
}

# ---------------------------------------------------------------------------------------------
# Local servers or Testcontainers?
# ---------------------------------------------------------------------------------------------
USE_LOCAL_SERVERS=1
if [ "${SHIZHU_USE_TESTCONTAINERS:-0}" = "1" ]; then
    if command -v docker >/dev/null 2>&1 && timeout -k 5 20 docker info >/dev/null 2>&1; then
        USE_LOCAL_SERVERS=0
        log "SHIZHU_USE_TESTCONTAINERS=1 and a Docker engine answers: PostgreSQL and RabbitMQ are left to Testcontainers."
    else
        log "SHIZHU_USE_TESTCONTAINERS=1 but no Docker engine answers: using local servers instead."
    fi
fi

# ---------------------------------------------------------------------------------------------
# 1. Packages: install only what is missing (one apt-get update, one apt-get install).
# ---------------------------------------------------------------------------------------------
pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
if [ "$USE_LOCAL_SERVERS" = "1" ]; then
    if [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then missing+=(postgresql); fi
    if [ ! -x /usr/sbin/rabbitmq-server ] || ! command -v rabbitmqctl >/dev/null 2>&1 \
        || ! command -v rabbitmq-plugins >/dev/null 2>&1; then
        missing+=(rabbitmq-server)
    fi
    if ! command -v curl >/dev/null 2>&1; then missing+=(curl); fi
fi
if [ ! -x "$CHROMIUM" ]; then missing+=(chromium); fi
if ! pkg_installed "$CJK_FONT_PKG"; then missing+=("$CJK_FONT_PKG"); fi
# pdftoppm renders the bulletins' PDFs to images in the Host tests.
if ! command -v pdftoppm >/dev/null 2>&1; then missing+=(poppler-utils); fi

if [ "${#missing[@]}" -gt 0 ]; then
    log "installing missing packages: ${missing[*]}"
    # apt's chatter goes to stderr: stdout carries only the exports printed at the end.
    as_root env DEBIAN_FRONTEND=noninteractive timeout -k 5 300 apt-get update >&2 \
        || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 \
        timeout -k 5 1200 apt-get install -y --no-install-recommends \
        -o DPkg::Lock::Timeout=120 \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
        "${missing[@]}" >&2 \
        || die "apt-get install ${missing[*]} failed"
else
    log "packages present (postgresql, rabbitmq-server, chromium, $CJK_FONT_PKG)"
fi

[ -x "$CHROMIUM" ] || die "$CHROMIUM is still missing after the install step"
pkg_installed "$CJK_FONT_PKG" || die "$CJK_FONT_PKG is still missing after the install step"
if [ "$USE_LOCAL_SERVERS" = "1" ]; then
    [ -x "$PG_BIN/initdb" ] || die "$PG_BIN/initdb is still missing after installing postgresql (set SHIZHU_PG_BIN?)"
    [ -x /usr/sbin/rabbitmq-server ] || die "rabbitmq-server is still missing after the install step"
fi

# ---------------------------------------------------------------------------------------------
# 2. PostgreSQL: throw-away cluster on 127.0.0.1:55432.
# ---------------------------------------------------------------------------------------------
pg_ready() { timeout -k 5 15 "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 5 >/dev/null 2>&1; }

if [ "$(id -u)" -eq 0 ]; then
    PG_OWNER=postgres
    as_pg() { runuser -u "$PG_OWNER" -- "$@"; }
else
    PG_OWNER="$(id -un)"
    as_pg() { "$@"; }
fi

pg_init() {
    log "PostgreSQL: initdb in $PG_DATA"
    rm -rf "$PG_DATA"
    pg_prepare_dir
    as_pg timeout -k 5 120 "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --no-locale -N \
        >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed (log above)"; }
}

pg_prepare_dir() {
    mkdir -p "$PG_DIR"
    if [ "$(id -u)" -eq 0 ]; then chown "$PG_OWNER": "$PG_DIR"; fi
    chmod 700 "$PG_DIR"
}

pg_start() {
    as_pg timeout -k 5 90 "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
        -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" \
        start >/dev/null
}

if [ "$USE_LOCAL_SERVERS" = "1" ]; then
    id "$PG_OWNER" >/dev/null 2>&1 || die "user '$PG_OWNER' does not exist (is the postgresql package installed?)"
    if pg_ready; then
        log "PostgreSQL: already accepting connections on 127.0.0.1:$PG_PORT"
    else
        if timeout -k 2 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PG_PORT" 2>/dev/null; then
            die "127.0.0.1:$PG_PORT is taken by a process that is not an answering PostgreSQL server; free the port"
        fi
        pg_prepare_dir
        if [ ! -f "$PG_DATA/PG_VERSION" ]; then pg_init; fi
        log "PostgreSQL: starting on 127.0.0.1:$PG_PORT (data $PG_DATA, log $PG_LOG)"
        if ! pg_start; then
            # A half-made or foreign data directory: it is throw-away, so make it anew once.
            log "PostgreSQL: start failed; last log lines:"
            tail -n 20 "$PG_LOG" >&2 2>/dev/null || true
            log "PostgreSQL: re-creating the throw-away cluster and trying once more"
            as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
            pg_init
            pg_start || { tail -n 40 "$PG_LOG" >&2 2>/dev/null || true
                          die "PostgreSQL could not start on 127.0.0.1:$PG_PORT (log above: $PG_LOG)"; }
        fi
        pg_ready || die "PostgreSQL started but pg_isready does not answer on 127.0.0.1:$PG_PORT"
    fi
    timeout -k 5 20 "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc 'select 1' >/dev/null \
        || die "PostgreSQL answers pg_isready but 'select 1' as postgres failed (is something else on port $PG_PORT?)"
fi

# ---------------------------------------------------------------------------------------------
# 3. RabbitMQ: loopback only, management plugin, user shizhu.
# ---------------------------------------------------------------------------------------------
rmq_running() { as_root timeout -k 5 30 rabbitmqctl -q status >/dev/null 2>&1; }

# Writes $1 with content $2 if it differs; returns 0 if it changed the file.
write_if_changed() {
    local path="$1" content="$2"
    if [ -f "$path" ] && [ "$(cat "$path")" = "$content" ]; then return 1; fi
    if [ -f "$path" ] && [ ! -f "$path.orig-shizhu" ]; then as_root cp -p "$path" "$path.orig-shizhu"; fi
    printf '%s\n' "$content" | as_root tee "$path" >/dev/null
    as_root chmod 644 "$path"
    return 0
}

if [ "$USE_LOCAL_SERVERS" = "1" ]; then
    # The node name is rabbit@<short hostname>; that name must resolve or the node cannot start.
    short_host="$(hostname -s 2>/dev/null || hostname)"
    if ! getent hosts "$short_host" >/dev/null 2>&1; then
        log "RabbitMQ: hostname '$short_host' does not resolve; adding it to /etc/hosts as 127.0.0.1"
        echo "127.0.0.1 $short_host" | as_root tee -a /etc/hosts >/dev/null
    fi

    as_root mkdir -p "$RMQ_CONF_DIR"
    config_changed=0
    if write_if_changed "$RMQ_CONF_DIR/rabbitmq.conf" "# Written by Shizhu.Workflows tests/scripts/ensure-services.sh: loopback only.
listeners.tcp.default = 127.0.0.1:5672
management.tcp.ip = 127.0.0.1
management.tcp.port = 15672"; then config_changed=1; fi
    if write_if_changed "$RMQ_CONF_DIR/rabbitmq-env.conf" "# Written by Shizhu.Workflows tests/scripts/ensure-services.sh: loopback only.
ERL_EPMD_ADDRESS=127.0.0.1
SERVER_ADDITIONAL_ERL_ARGS=\"-kernel inet_dist_use_interface {127,0,0,1}\""; then config_changed=1; fi

    plugins_before="$(cat "$RMQ_CONF_DIR/enabled_plugins" 2>/dev/null || true)"
    as_root timeout -k 5 60 rabbitmq-plugins -q --offline enable rabbitmq_management >/dev/null \
        || die "rabbitmq-plugins --offline enable rabbitmq_management failed"
    plugins_after="$(cat "$RMQ_CONF_DIR/enabled_plugins" 2>/dev/null || true)"
    [ "$plugins_before" = "$plugins_after" ] || config_changed=1

    if rmq_running; then
        if [ "$config_changed" = "1" ]; then
            log "RabbitMQ: configuration changed; restarting the running node"
            as_root timeout -k 5 120 rabbitmqctl -q shutdown >/dev/null 2>&1 \
                || as_root timeout -k 5 120 service rabbitmq-server stop >/dev/null 2>&1 || true
        else
            log "RabbitMQ: already running"
        fi
    fi
    if ! rmq_running; then
        # An epmd started earlier without ERL_EPMD_ADDRESS (e.g. by a bare rabbitmqctl call) listens
        # on every interface; end it so the node's own epmd binds loopback only.
        if grep -qE '^ *[0-9]+: 00000000:1111 00000000:0000 0A' /proc/net/tcp 2>/dev/null \
            || grep -qE '^ *[0-9]+: 0{32}:1111 0{32}:0000 0A' /proc/net/tcp6 2>/dev/null; then
            log "RabbitMQ: an epmd listens on all interfaces; stopping it (epmd -kill)"
            as_root timeout -k 5 15 epmd -kill >/dev/null 2>&1 || true
        fi
        log "RabbitMQ: starting"
        as_root timeout -k 5 180 service rabbitmq-server start >/dev/null 2>&1 || true
    fi
    if ! as_root timeout -k 5 75 rabbitmqctl -q await_startup --timeout 60 >/dev/null 2>&1; then
        for f in /var/log/rabbitmq/*.log; do [ -f "$f" ] && { echo "== $f" >&2; tail -n 30 "$f" >&2; }; done
        die "RabbitMQ did not start (logs above, see /var/log/rabbitmq)"
    fi

    if as_root timeout -k 5 30 rabbitmqctl -q list_users 2>/dev/null | awk '{print $1}' | grep -qx "$RMQ_USER"; then
        as_root timeout -k 5 30 rabbitmqctl -q change_password "$RMQ_USER" "$RMQ_PASS" >/dev/null \
            || die "rabbitmqctl change_password $RMQ_USER failed"
    else
        log "RabbitMQ: creating user $RMQ_USER"
        as_root timeout -k 5 30 rabbitmqctl -q add_user "$RMQ_USER" "$RMQ_PASS" >/dev/null \
            || die "rabbitmqctl add_user $RMQ_USER failed"
    fi
    as_root timeout -k 5 30 rabbitmqctl -q set_user_tags "$RMQ_USER" administrator >/dev/null \
        || die "rabbitmqctl set_user_tags $RMQ_USER failed"
    as_root timeout -k 5 30 rabbitmqctl -q set_permissions -p / "$RMQ_USER" '.*' '.*' '.*' >/dev/null \
        || die "rabbitmqctl set_permissions $RMQ_USER failed"

    mgmt_ok=0
    deadline=$((SECONDS + 60))
    while :; do
        if timeout -k 2 10 curl -sf -o /dev/null -u "$RMQ_USER:$RMQ_PASS" "$MGMT_URL/api/overview"; then
            mgmt_ok=1; break
        fi
        [ "$SECONDS" -lt "$deadline" ] || break
        sleep 1
    done
    [ "$mgmt_ok" = "1" ] || die "RabbitMQ management API does not answer at $MGMT_URL/api/overview (is rabbitmq_management enabled?)"
    log "RabbitMQ: running on 127.0.0.1:5672, management API answers at $MGMT_URL"
fi

# ---------------------------------------------------------------------------------------------
# 4. Chromium sanity check and the environment for the fixtures.
# ---------------------------------------------------------------------------------------------
timeout -k 5 30 "$CHROMIUM" --version >/dev/null 2>&1 || die "$CHROMIUM --version failed"

{
    echo "# Written by tests/scripts/ensure-services.sh; source it before running the tests."
    if [ "$USE_LOCAL_SERVERS" = "1" ]; then
        echo "export SHIZHU_TEST_POSTGRES=\"Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres\""
        echo "export SHIZHU_TEST_RABBITMQ=\"amqp://$RMQ_USER:$RMQ_PASS@127.0.0.1:5672/\""
        echo "export SHIZHU_TEST_RABBITMQ_MANAGEMENT=\"http://$RMQ_USER:$RMQ_PASS@127.0.0.1:15672/\""
    else
        echo "unset SHIZHU_TEST_POSTGRES SHIZHU_TEST_RABBITMQ SHIZHU_TEST_RABBITMQ_MANAGEMENT"
    fi
    echo "export SHIZHU_TEST_CHROMIUM=$CHROMIUM"
} >"$ENV_FILE.tmp"
mv -f "$ENV_FILE.tmp" "$ENV_FILE"

cat "$ENV_FILE"
