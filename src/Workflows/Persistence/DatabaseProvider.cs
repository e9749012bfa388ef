namespace Shizhu.Workflows.Persistence;

/// <summary>Which database the service runs on: the embedded SQLite file, or PostgreSQL in production.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
