using Microsoft.EntityFrameworkCore.Migrations;

namespace Shizhu.Workflows.Persistence.Migrations.Sqlite;

/// <summary>
/// What the model cannot say and the initial migration must still create: hand-written SQL carried over from the
/// migrations squashed into <see cref="Initial"/> (ADR 0020). Keep it when migrations are squashed again.
/// </summary>
public partial class Initial
{
    static void CreateDatabaseGuards(MigrationBuilder migrationBuilder)
    {
        // Append-only (留痕, ADR 0011): the database itself refuses to rewrite or remove the trace, whatever the code does.
        // SQLite drops a table's triggers when a migration rebuilds the table: such a migration must create these again.
        migrationBuilder.Sql("""
            CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
            BEGIN SELECT RAISE(ABORT, 'journal is append-only: rows cannot be updated'); END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
            BEGIN SELECT RAISE(ABORT, 'journal is append-only: rows cannot be deleted'); END;
            """);
    }

    static void DropDatabaseGuards(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS journal_no_delete;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS journal_no_update;");
    }
}
