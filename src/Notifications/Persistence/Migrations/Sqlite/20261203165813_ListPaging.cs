using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Notifications.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListPaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_audience_role_audience_township_code",
                table: "notifications");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_audience_role_at_event_id",
                table: "notifications",
                columns: new[] { "audience_role", "at", "event_id" },
                filter: "audience_township_code IS NULL AND audience_department_code IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_audience_role_audience_department_code_at_event_id",
                table: "notifications",
                columns: new[] { "audience_role", "audience_department_code", "at", "event_id" },
                filter: "audience_department_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_audience_role_audience_township_code_at_event_id",
                table: "notifications",
                columns: new[] { "audience_role", "audience_township_code", "at", "event_id" },
                filter: "audience_township_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_workflow_id",
                table: "notifications",
                column: "workflow_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_audience_role_at_event_id",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_audience_role_audience_department_code_at_event_id",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_audience_role_audience_township_code_at_event_id",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_workflow_id",
                table: "notifications");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_audience_role_audience_township_code",
                table: "notifications",
                columns: new[] { "audience_role", "audience_township_code" });
        }
    }
}
