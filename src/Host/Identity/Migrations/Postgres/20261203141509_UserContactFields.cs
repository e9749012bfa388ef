using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Host.Identity.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UserContactFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ding_talk_user_id",
                schema: "identity",
                table: "AspNetUsers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "we_com_user_id",
                schema: "identity",
                table: "AspNetUsers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ding_talk_user_id",
                schema: "identity",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "we_com_user_id",
                schema: "identity",
                table: "AspNetUsers");
        }
    }
}
