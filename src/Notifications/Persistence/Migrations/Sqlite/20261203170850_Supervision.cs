using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Notifications.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "audience_user_name",
                table: "notifications",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "audience_user_name",
                table: "notifications");
        }
    }
}
