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
                name: "ix_notifications_audience_role_audience_township_code_audience_department_code_at_event_id",
                table: "notifications",
                columns: new[] { "audience_role", "audience_township_code", "audience_department_code", "at", "event_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_workflow_id",
                table: "notifications",
                column: "workflow_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_audience_role_audience_township_code_audience_department_code_at_event_id",
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
