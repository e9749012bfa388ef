#!/usr/bin/env bash
# Regenerates the compiled EF Core models of the six contexts (three contexts × two providers, ADR 0049).
# Run it after every change to an entity or its configuration, in the same commit as the migration:
#   bash tests/scripts/compiled-models.sh
# CompiledModelTests (Shizhu.Host.Tests, Category=Unit) fails while a compiled model is out of date.
# EF discovers each model through the [DbContextModel] attribute it generates; nothing else has to be registered.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet tool restore >/dev/null
# The old models are removed first: code generated from a model that has since changed may no longer compile.
rm -rf src/Workflows/Persistence/CompiledModels src/Notifications/Persistence/CompiledModels src/Host/Identity/CompiledModels
dotnet build src/Host -nologo -v q -clp:ErrorsOnly
# project  context  output folder (inside the project)  namespace
while read -r project context output namespace; do
    echo "[compiled-models] $context"
    dotnet ef dbcontext optimize --no-build -p "$project" -s src/Host -c "$context" -o "$output" -n "$namespace" >/dev/null
done <<'CONTEXTS'
src/Workflows     PostgresWorkflowDbContext      Persistence/CompiledModels/Postgres  Shizhu.Workflows.Persistence.CompiledModels.Postgres
src/Workflows     SqliteWorkflowDbContext        Persistence/CompiledModels/Sqlite    Shizhu.Workflows.Persistence.CompiledModels.Sqlite
src/Notifications PostgresNotificationDbContext  Persistence/CompiledModels/Postgres  Shizhu.Notifications.Persistence.CompiledModels.Postgres
src/Notifications SqliteNotificationDbContext    Persistence/CompiledModels/Sqlite    Shizhu.Notifications.Persistence.CompiledModels.Sqlite
src/Host          PostgresIdentityDbContext      Identity/CompiledModels/Postgres     Shizhu.Host.Identity.CompiledModels.Postgres
src/Host          SqliteIdentityDbContext        Identity/CompiledModels/Sqlite       Shizhu.Host.Identity.CompiledModels.Sqlite
CONTEXTS
echo "[compiled-models] done; build again so the Host uses them"
