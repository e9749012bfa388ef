using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanGoals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "goal",
                table: "workflows",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "named");

            migrationBuilder.AddColumn<string>(
                name: "goal",
                table: "plan_entries",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "named");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "goal",
                table: "workflows");

            migrationBuilder.DropColumn(
                name: "goal",
                table: "plan_entries");
        }
    }
}
