using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Notifications.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "audience_user_name",
                schema: "notifications",
                table: "notifications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "audience_user_name",
                schema: "notifications",
                table: "notifications");
        }
    }
}
