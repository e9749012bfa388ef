using Shizhu.Workflows.Persistence;

namespace Shizhu.Host.Configuration;

/// <summary><c>Database</c>: which database and where. Embedded default: a SQLite file beside the app.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=data/shizhu.db";
    /// <summary>Apply pending migrations and seed reference data at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
