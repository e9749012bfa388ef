#!/usr/bin/env bash
# The project's test command:   bash tests/run.sh [extra dotnet test args, e.g. --filter Category=Unit]
#
# 1. starts / installs the servers the tests need (tests/scripts/ensure-services.sh) and loads
#    the SHIZHU_TEST_* variables it writes to tests/.services.env;
# 2. restores local dotnet tools if .config/dotnet-tools.json exists;
# 3. runs dotnet test on the solution (Release) with a TRX logger per test project — the replica test (two Host
#    processes on one database and broker, Category=Replica) among them;
#    then checks the deployment files with the Docker tooling present (tests/scripts/check-docker.sh: compose config
#    where a compose client exists, the image build where a Docker engine answers);
# 4. sums the TRX counters of every project and prints, as the very last line,
#    "N passed, N failed" (", N skipped" only when some were skipped).
# Exits non-zero if dotnet test failed, any test failed, or no test ran.
#
# Knobs (environment):
#   SHIZHU_TEST_SOLUTION      solution to test (default Shizhu.Workflows.sln, relative to the repo root)
#   SHIZHU_TEST_RESULTS_DIR   where TRX files go (default TestResults/run; emptied at each run)
#   SHIZHU_SKIP_SERVICES=1    do not run ensure-services.sh (pure unit-test runs)
#   SHIZHU_SKIP_DOCKER=1      do not run check-docker.sh (compose config / image build)
#   SHIZHU_TEST_TIMEOUT       seconds for the whole dotnet test (default 4500)
#   SHIZHU_TEST_HANG_TIMEOUT  kill a test host whose single test runs longer than this (default 15m; 0 = off)
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT" || exit 2

SOLUTION="${SHIZHU_TEST_SOLUTION:-Shizhu.Workflows.sln}"
RESULTS_DIR="${SHIZHU_TEST_RESULTS_DIR:-$REPO_ROOT/TestResults/run}"
TEST_TIMEOUT="${SHIZHU_TEST_TIMEOUT:-4500}"
HANG_TIMEOUT="${SHIZHU_TEST_HANG_TIMEOUT:-15m}"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild worker nodes left running after the build (they would outlive a CI run).
export MSBUILDDISABLENODEREUSE=1

say() { echo "[run.sh] $*" >&2; }

# ---- 1. services ---------------------------------------------------------------------------
if [ "${SHIZHU_SKIP_SERVICES:-0}" != "1" ]; then
    if ! bash "$REPO_ROOT/tests/scripts/ensure-services.sh"; then
        say "ensure-services.sh failed: the servers the tests need are not available"
        echo "0 passed, 0 failed"
        exit 1
    fi
    # shellcheck disable=SC1091
    . "$REPO_ROOT/tests/.services.env"
fi

# ---- 2. local dotnet tools -----------------------------------------------------------------
if [ -f "$REPO_ROOT/.config/dotnet-tools.json" ]; then
    if ! timeout -k 5 600 dotnet tool restore; then
        say "dotnet tool restore failed"
        echo "0 passed, 0 failed"
        exit 1
    fi
fi

# ---- 3. dotnet test ------------------------------------------------------------------------
if [ ! -e "$SOLUTION" ]; then
    say "solution not found: $SOLUTION (from $REPO_ROOT)"
    echo "0 passed, 0 failed"
    exit 1
fi

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

# LogFilePrefix (not LogFileName): with LogFileName every project of a solution writes the same
# file and the last one wins; with a prefix each project gets its own results_<tfm>_<time>.trx.
test_args=(test "$SOLUTION" -c Release
    --logger "trx;LogFilePrefix=results"
    --logger "console;verbosity=normal"
    --results-directory "$RESULTS_DIR")
if [ -n "$HANG_TIMEOUT" ] && [ "$HANG_TIMEOUT" != "0" ]; then
    test_args+=(--blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none)
fi
test_args+=("$@")

# In a terminal keep Ctrl-C working (--foreground); elsewhere (CI) kill the whole process group.
timeout_args=(-k 30)
if [ -t 0 ]; then timeout_args=(--foreground -k 30); fi

say "dotnet ${test_args[*]}"
timeout "${timeout_args[@]}" "$TEST_TIMEOUT" dotnet "${test_args[@]}"
test_rc=$?
if [ "$test_rc" -eq 124 ] || [ "$test_rc" -eq 137 ]; then
    say "dotnet test was stopped after ${TEST_TIMEOUT}s (SHIZHU_TEST_TIMEOUT)"
fi

# ---- 3b. deployment files -------------------------------------------------------------------
docker_rc=0
if [ "${SHIZHU_SKIP_DOCKER:-0}" != "1" ]; then
    bash "$REPO_ROOT/tests/scripts/check-docker.sh" || docker_rc=1
fi

# Build servers (compiler, razor) would otherwise linger after a CI run.
if [ "${CI:-}" = "true" ]; then
    timeout -k 5 60 dotnet build-server shutdown >/dev/null 2>&1 || true
fi

# ---- 4. sum the TRX counters ---------------------------------------------------------------
# Reads one attribute's number from a <Counters .../> element.
counter() { # $1 = attribute name, $2 = the element text
    local v
    v="$(printf '%s' "$2" | sed -n "s/.*[[:space:]]$1=\"\([0-9][0-9]*\)\".*/\1/p")"
    echo "${v:-0}"
}

total=0 passed=0 failed=0 skipped=0 files=0 broken=0
while IFS= read -r -d '' trx; do
    files=$((files + 1))
    c="$(grep -o '<Counters[[:space:]][^>]*>' "$trx" | head -n 1)"
    if [ -z "$c" ]; then
        say "no <Counters> in $trx (test run aborted?)"
        broken=$((broken + 1))
        continue
    fi
    t=$(counter total "$c")
    p=$(counter passed "$c")
    f=$(( $(counter failed "$c") + $(counter error "$c") + $(counter timeout "$c") + $(counter aborted "$c") ))
    # Everything neither passed nor failed (xunit skips, notExecuted, inconclusive, ...) is "skipped".
    s=$(( t - p - f ))
    ne=$(counter notExecuted "$c")
    if [ "$s" -lt "$ne" ]; then s=$ne; fi
    if [ "$s" -lt 0 ]; then s=0; fi
    say "$(basename "$trx"): total=$t passed=$p failed=$f skipped=$s"
    total=$((total + t)); passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done < <(find "$RESULTS_DIR" -type f -name '*.trx' -print0 2>/dev/null | sort -z)

rc=0
if [ "$test_rc" -ne 0 ]; then
    say "dotnet test exited with $test_rc"
    rc=1
fi
if [ "$failed" -gt 0 ]; then rc=1; fi
if [ "$docker_rc" -ne 0 ]; then
    say "the deployment files' check failed (tests/scripts/check-docker.sh)"
    rc=1
fi
if [ "$broken" -gt 0 ]; then rc=1; fi
if [ "$files" -eq 0 ] || [ $((passed + failed)) -eq 0 ]; then
    say "no test ran ($files TRX file(s) in $RESULTS_DIR)"
    rc=1
fi

summary="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then summary="$summary, $skipped skipped"; fi
echo "$summary"
exit "$rc"
