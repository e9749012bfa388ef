using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListBadges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_open_raised_at_id",
                schema: "workflows",
                table: "task_alerts",
                columns: new[] { "raised_at", "id" },
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_open_township_code_raised_at_id",
                schema: "workflows",
                table: "task_alerts",
                columns: new[] { "township_code", "raised_at", "id" },
                filter: "resolved_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_task_alerts_open_raised_at_id",
                schema: "workflows",
                table: "task_alerts");

            migrationBuilder.DropIndex(
                name: "ix_task_alerts_open_township_code_raised_at_id",
                schema: "workflows",
                table: "task_alerts");
        }
    }
}
