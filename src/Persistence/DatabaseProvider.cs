// The namespace it had in the engine: moving it here (ADR 0020) changed no caller.
namespace Shizhu.Workflows.Persistence;

/// <summary>Which database the service runs on: the embedded SQLite file, or PostgreSQL in production.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
