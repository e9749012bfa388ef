#!/usr/bin/env bash
# The read benchmark:   bash tests/Shizhu.Benchmarks/run.sh --reads
#
# Lists at 1,000,000 tasks (ADR 0035): keeps its own PostgreSQL 15 cluster in /var/tmp/shizhu-reads-pg on
# 127.0.0.1:55434 BETWEEN runs, because building the database (10,000 townships, 29,000 workflows, ~1 M tasks, journal,
# alerts, notifications and reads, by binary COPY into the migrated schema) takes minutes; later runs reuse it. Then
# times each list's first and second page per role and the workflow page (p50/p95/p99), printed with the database size
# and the load average. Stops the cluster at the end (the data stays).
#
# Knobs (environment):
#   SHIZHU_READS_ITERATIONS   measured runs per case (default 200, after 10 warm-up runs)
#   SHIZHU_READS_RESET=1      delete the kept cluster first and build the database again (after a schema change)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PG_BIN="${SHIZHU_PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_PORT=55434
PG_DIR=/var/tmp/shizhu-reads-pg
PG_DATA="$PG_DIR/data"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDDISABLENODEREUSE=1

log() { echo "[reads] $*" >&2; }
die() { echo "[reads] ERROR: $*" >&2; exit 1; }
[ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 binaries not found in $PG_BIN"
if [ "$(id -u)" -eq 0 ]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi

stop_cluster() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 || true; }
trap stop_cluster EXIT
trap 'exit 130' INT TERM

if [ "${SHIZHU_READS_RESET:-0}" = "1" ]; then stop_cluster; rm -rf "$PG_DIR"; fi
if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    mkdir -p "$PG_DIR"; [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DIR"; chmod 700 "$PG_DIR"
    log "initdb in $PG_DATA (kept between runs)"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --no-locale -N >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
fi
# Reads do not depend on commit durability; the building COPY is faster without waiting for each flush.
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/postgres.log" -w -t 120 \
    -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c shared_buffers=256MB -c max_wal_size=4GB" start >/dev/null \
    || { tail -n 30 "$PG_DIR/postgres.log" >&2; die "PostgreSQL did not start"; }

log "building the benchmark (Release)"
timeout -k 5 1800 dotnet build "$SCRIPT_DIR/Shizhu.Benchmarks.csproj" -c Release -nologo -v q -clp:ErrorsOnly >&2 || die "dotnet build failed"
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}"
dotnet "$SCRIPT_DIR/bin/Release/net10.0/Shizhu.Benchmarks.dll" reads \
    --connection "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres" \
    --iterations "${SHIZHU_READS_ITERATIONS:-200}"
