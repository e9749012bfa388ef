#!/usr/bin/env bash
# Checks the deployment files with whatever Docker tooling this machine has (ADR 0046):
#   - `docker compose config` (or `docker-compose config`) where a compose client exists: the compose file parses and
#     every variable it requires is named (dummy values are given here; nothing is started);
#   - `docker build -f deploy/Dockerfile .` only where `docker info` answers, i.e. a Docker engine runs.
# Where neither exists the step says so and passes: the Dockerfile's consistency with the projects (paths, .NET 10
# images, port, CJK font, .dockerignore) is also checked by DeploymentFilesTests, which needs no Docker.
# Exit code: non-zero when a check that could run failed.
set -uo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO_ROOT" || exit 2
say() { echo "[check-docker] $*" >&2; }

export SHIZHU_DB_PASSWORD=check SHIZHU_RABBITMQ_PASSWORD=check SHIZHU_ADMIN_PASSWORD=check \
    SHIZHU_SIGNING_KEY=check SHIZHU_DP_CERT_PASSWORD=check

compose=()
if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
    compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
    compose=(docker-compose)
fi

rc=0
if [ ${#compose[@]} -gt 0 ]; then
    if "${compose[@]}" -f docker-compose.yml config --quiet; then
        say "${compose[*]} config: docker-compose.yml is valid"
    else
        say "${compose[*]} config failed"
        rc=1
    fi
else
    say "no compose client (docker compose / docker-compose): compose config skipped"
fi

if command -v docker >/dev/null 2>&1 && timeout 20 docker info >/dev/null 2>&1; then
    tag="shizhu-workflows-host:check-$$"
    if timeout 1800 docker build -f deploy/Dockerfile -t "$tag" .; then
        say "image built: $tag"
        docker image rm "$tag" >/dev/null 2>&1 || true
    else
        say "docker build -f deploy/Dockerfile failed"
        rc=1
    fi
else
    say "no Docker engine answers (docker info): image build skipped"
fi
exit "$rc"
