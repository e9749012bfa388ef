using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Host.Identity.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UserDepartment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "department_code",
                schema: "identity",
                table: "AspNetUsers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "department_code",
                schema: "identity",
                table: "AspNetUsers");
        }
    }
}
