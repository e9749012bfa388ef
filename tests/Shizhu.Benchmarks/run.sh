#!/usr/bin/env bash
# The engine's throughput benchmark:   bash tests/Shizhu.Benchmarks/run.sh
# (The read benchmark, lists at 1,000,000 tasks:   bash tests/Shizhu.Benchmarks/run.sh --reads — see run-reads.sh.)
#
# 1. starts its own throw-away PostgreSQL 15 cluster on 127.0.0.1:55433 in /tmp/shizhu-bench-pg with
#    DURABLE commits (fsync=on, synchronous_commit=on: the defaults, unlike the test cluster on 55432);
# 2. initialises pgbench's database (pgbench -i);
# 3. runs the .NET benchmark (Release) on the same cluster: pgbench -N (simple update) with 1 and 4 clients, durable
#    task completions per second through TaskCompleter with 1, 4 and 8 workers in a fresh database (p50/p95 latency,
#    CPU per completion), pgbench -N with 4 clients again, and the ratio engine / pgbench against the higher of the
#    two 4-client figures; every window also reports the CPU time the hypervisor stole;
# 4. stops the cluster (also on failure or Ctrl-C) and deletes its directory.
# Takes about 3 minutes. Run as root (the cluster runs as user postgres) or as a user who owns the binaries.
#
# Knobs (environment):
#   SHIZHU_BENCH_PGBENCH_SECONDS  seconds per pgbench run (default 15)
#   SHIZHU_BENCH_SECONDS          measured seconds per worker count (default 10, after a 2 s warm-up)
#   SHIZHU_BENCH_WORKERS          worker counts (default "1,4,8")
#   SHIZHU_BENCH_KEEP=1           leave the cluster running at the end (for psql / profiling)
#   SHIZHU_BENCH_ARGS             extra arguments for the .NET benchmark (see Program.cs, e.g. --trace)
#   SHIZHU_BENCH_STARTUP_BUILD=build  --startup: start the plain Release builds instead of the ReadyToRun publish
#   SHIZHU_BENCH_PG_OPTIONS       extra server settings, e.g. "-c shared_preload_libraries=pg_stat_statements"
#                                 (with SHIZHU_BENCH_KEEP=1, to read per-statement times afterwards)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The lists at a million tasks instead (run-reads.sh says how).
if [ "${1:-}" = "--reads" ]; then exec bash "$SCRIPT_DIR/run-reads.sh" "${@:2}"; fi
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
PG_BIN="${SHIZHU_PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_PORT="${SHIZHU_BENCH_PORT:-55433}"
PG_DIR="${SHIZHU_BENCH_DIR:-/tmp/shizhu-bench-pg}"
# A scale benchmark instead of the completions (issue 16): --timers [1000,10000,100000], --startup [runs], --replay [units].
MODE_ARGS=("$@")
PG_DATA="$PG_DIR/data"
PG_LOG="$PG_DIR/postgres.log"
PGBENCH_SECONDS="${SHIZHU_BENCH_PGBENCH_SECONDS:-15}"
BENCH_SECONDS="${SHIZHU_BENCH_SECONDS:-10}"
WORKERS="${SHIZHU_BENCH_WORKERS:-1,4,8}"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

log() { echo "[bench] $*" >&2; }
die() { echo "[bench] ERROR: $*" >&2; exit 1; }

[ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pgbench" ] \
    || die "PostgreSQL 15 binaries not found in $PG_BIN (apt-get install -y postgresql-15, or set SHIZHU_PG_BIN)"

if [ "$(id -u)" -eq 0 ]; then
    as_pg() { runuser -u postgres -- "$@"; }
    id postgres >/dev/null 2>&1 || die "user 'postgres' does not exist (is the postgresql package installed?)"
else
    as_pg() { "$@"; }
fi
pg() { "$PG_BIN/$1" "${@:2}"; }

stop_cluster() {
    if [ -f "$PG_DATA/PG_VERSION" ]; then
        as_pg timeout -k 5 60 "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    fi
}
cleanup() {
    local rc=$?
    if [ "${SHIZHU_BENCH_KEEP:-0}" = "1" ]; then
        log "cluster left running on 127.0.0.1:$PG_PORT (stop: runuser -u postgres -- $PG_BIN/pg_ctl -D $PG_DATA stop)"
    else
        stop_cluster
        rm -rf "$PG_DIR"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 1. a throw-away cluster with durable commits ------------------------------------------
if timeout -k 2 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PG_PORT" 2>/dev/null; then
    stop_cluster   # our own cluster left over by an interrupted run
    timeout -k 2 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PG_PORT" 2>/dev/null \
        && die "127.0.0.1:$PG_PORT is taken by another process; free the port"
fi
rm -rf "$PG_DIR"
mkdir -p "$PG_DIR"
[ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DIR"
chmod 700 "$PG_DIR"
log "initdb in $PG_DATA"
as_pg timeout -k 5 120 "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --no-locale -N \
    >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
# -N above only skips initdb's own fsync of the new files; the server below runs with fsync=on and
# synchronous_commit=on (stated explicitly, they are PostgreSQL's defaults).
log "starting PostgreSQL on 127.0.0.1:$PG_PORT (fsync=on, synchronous_commit=on)"
as_pg timeout -k 5 90 "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
    -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=100 ${SHIZHU_BENCH_PG_OPTIONS:-}" \
    start >/dev/null || { tail -n 30 "$PG_LOG" >&2; die "PostgreSQL did not start"; }

PSQL=(timeout -k 5 60 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres)
settings="$("${PSQL[@]}" -d postgres -tAc "select string_agg(name || '=' || setting, ' ' order by name) from pg_settings where name in ('fsync','synchronous_commit','wal_sync_method','full_page_writes')")"
log "server settings: $settings"
case "$settings" in *"fsync=on"*"synchronous_commit=on"*) ;; *) die "commits are not durable: $settings" ;; esac

# ---- 2. the build runs while nothing is measured ---------------------------------------------
log "building the benchmark (Release)"
timeout -k 5 300 dotnet build "$SCRIPT_DIR/Shizhu.Benchmarks.csproj" -c Release -nologo -v q -clp:ErrorsOnly >&2 \
    || die "dotnet build failed"

# ---- 2b. a scale benchmark instead, on the same durable cluster -------------------------------
if [ "${#MODE_ARGS[@]}" -gt 0 ]; then
    if [ "${MODE_ARGS[0]}" = "--startup" ] && [ "${SHIZHU_BENCH_STARTUP_BUILD:-publish}" = "build" ]; then
        # For comparison (ADR 0051): the plain Release builds, as `dotnet build` leaves them (JIT on every start).
        log "building the Host and the empty app (Release) for the start-up benchmark"
        for project in "$REPO_ROOT/src/Host/Shizhu.Host.csproj" "$REPO_ROOT/tests/Shizhu.Benchmarks.EmptyApp/Shizhu.Benchmarks.EmptyApp.csproj"; do
            timeout -k 5 600 dotnet build "$project" -c Release -nologo -v q -clp:ErrorsOnly >&2 || die "dotnet build $project failed"
        done
    elif [ "${MODE_ARGS[0]}" = "--startup" ]; then
        # Published as deploy/Dockerfile publishes the Host (ReadyToRun for linux-x64, framework-dependent), the empty app
        # the same way; in artifacts/ with their own obj folders, so the solution's builds and tests are not disturbed.
        PUBLISHED="$REPO_ROOT/artifacts/startup"
        log "publishing the Host and the empty app (Release, ReadyToRun) for the start-up benchmark into $PUBLISHED"
        rm -rf "$PUBLISHED"
        for pair in "host:src/Host/Shizhu.Host.csproj" "empty:tests/Shizhu.Benchmarks.EmptyApp/Shizhu.Benchmarks.EmptyApp.csproj"; do
            timeout -k 5 900 dotnet publish "$REPO_ROOT/${pair#*:}" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
                --artifacts-path "$PUBLISHED/build" -o "$PUBLISHED/${pair%%:*}" -nologo -v q -clp:ErrorsOnly >&2 \
                || die "dotnet publish ${pair#*:} failed"
        done
        MODE_ARGS+=(--published "$PUBLISHED")
    fi
    export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}"
    log "scale benchmark ${MODE_ARGS[*]}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    timeout -k 5 3600 dotnet "$SCRIPT_DIR/bin/Release/net10.0/Shizhu.Benchmarks.dll" "${MODE_ARGS[@]}" \
        --connection "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
    exit $?
fi

# ---- 3. pgbench's database -------------------------------------------------------------------
# The .NET benchmark runs pgbench -N itself: before its engine runs (1 and 4 clients) and after them (4 clients), so a
# slow or fast spell of this shared VM shows as a difference between the two pgbench figures.
"${PSQL[@]}" -d postgres -c "create database pgbench" >/dev/null
log "pgbench -i"
timeout -k 5 120 "$PG_BIN/pgbench" -i -q -h 127.0.0.1 -p "$PG_PORT" -U postgres pgbench >"$PG_DIR/pgbench-init.log" 2>&1 \
    || { cat "$PG_DIR/pgbench-init.log" >&2; die "pgbench -i failed"; }
log "load average before the measurements: $(cut -d' ' -f1-3 /proc/loadavg) (anything else running on these cores skews the figures)"

# ---- 4. the engine ------------------------------------------------------------------------
log "engine benchmark: workers $WORKERS, ${BENCH_SECONDS} s each"
# shellcheck disable=SC2086
# The GC setting the production image sets (deploy/Dockerfile): a 64 MB gen0 budget. Left to itself the server GC
# sizes gen0 from the CPU cache this VM reports, about 2.5 MB, and collects every few hundred completions.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}"
timeout -k 5 600 dotnet "$SCRIPT_DIR/bin/Release/net10.0/Shizhu.Benchmarks.dll" \
    --connection "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres" \
    --database shizhu_bench --workers "$WORKERS" --seconds "$BENCH_SECONDS" \
    --pgbench "$PG_BIN/pgbench" --pgbench-seconds "$PGBENCH_SECONDS" \
    --postmaster-pid-file "$PG_DATA/postmaster.pid" ${SHIZHU_BENCH_ARGS:-}
