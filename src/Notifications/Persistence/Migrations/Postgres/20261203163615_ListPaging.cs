using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Notifications.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListPaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_audience_role_audience_township_code",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_audience_role_audience_township_code_audience",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "audience_role", "audience_township_code", "audience_department_code", "at", "event_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_workflow_id",
                schema: "notifications",
                table: "notifications",
                column: "workflow_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_audience_role_audience_township_code_audience",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_workflow_id",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_audience_role_audience_township_code",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "audience_role", "audience_township_code" });
        }
    }
}
