using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Notifications.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NotificationDepartmentAudience : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "audience_department_code",
                schema: "notifications",
                table: "notifications",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "audience_department_code",
                schema: "notifications",
                table: "notifications");
        }
    }
}
