using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Host.Identity.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UserDepartment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "department_code",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "department_code",
                table: "AspNetUsers");
        }
    }
}
