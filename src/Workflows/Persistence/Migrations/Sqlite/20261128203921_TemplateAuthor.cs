using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TemplateAuthor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "created_by",
                table: "stage_templates",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            // Until now the engine seeded a built-in template only as version 1 of its key, and every later version
            // was an administrator's draft.
            migrationBuilder.Sql("UPDATE stage_templates SET created_by = 'system' WHERE version = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "created_by",
                table: "stage_templates");
        }
    }
}
