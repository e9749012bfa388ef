using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanGoals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "goal",
                schema: "workflows",
                table: "workflows",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "named");

            migrationBuilder.AddColumn<string>(
                name: "goal",
                schema: "workflows",
                table: "plan_entries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "named");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "goal",
                schema: "workflows",
                table: "workflows");

            migrationBuilder.DropColumn(
                name: "goal",
                schema: "workflows",
                table: "plan_entries");
        }
    }
}
