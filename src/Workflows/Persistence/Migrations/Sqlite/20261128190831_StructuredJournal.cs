using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StructuredJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "change",
                table: "journal",
                type: "TEXT",
                nullable: true);

            // Append-only (留痕): the database itself refuses to rewrite or remove the trace, whatever the code does.
            // A later migration that rebuilds this table must create these triggers again.
            migrationBuilder.Sql("""
                CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
                BEGIN SELECT RAISE(ABORT, 'journal is append-only: rows cannot be updated'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
                BEGIN SELECT RAISE(ABORT, 'journal is append-only: rows cannot be deleted'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS journal_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS journal_no_update;");

            migrationBuilder.DropColumn(
                name: "change",
                table: "journal");
        }
    }
}
