using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StructuredJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "change",
                schema: "workflows",
                table: "journal",
                type: "text",
                nullable: true);

            // Append-only (留痕): the database itself refuses to rewrite or remove the trace, whatever the code does.
            migrationBuilder.Sql("""
                CREATE FUNCTION workflows.journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'journal is append-only: rows cannot be %', lower(TG_OP) USING ERRCODE = 'restrict_violation';
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON workflows.journal
                FOR EACH ROW EXECUTE FUNCTION workflows.journal_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS journal_append_only ON workflows.journal;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS workflows.journal_append_only();");

            migrationBuilder.DropColumn(
                name: "change",
                schema: "workflows",
                table: "journal");
        }
    }
}
