using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProcessTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "variables",
                table: "workflows",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "element_id",
                table: "workflow_timers",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "token_id",
                table: "workflow_timers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "token_id",
                table: "workflow_tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workflow_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    resolved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_instalments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workflow_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    township_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    instalment = table.Column<int>(type: "INTEGER", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subsidy_instalments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workflow_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    arrived_by = table.Column<string>(type: "TEXT", maxLength: 170, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_tokens_workflows_workflow_id",
                        column: x => x.workflow_id,
                        principalTable: "workflows",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_resolved_at_workflow_id",
                table: "incidents",
                columns: new[] { "resolved_at", "workflow_id" });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_instalments_workflow_id_instalment",
                table: "subsidy_instalments",
                columns: new[] { "workflow_id", "instalment" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tokens_workflow_id",
                table: "workflow_tokens",
                column: "workflow_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "incidents");

            migrationBuilder.DropTable(
                name: "subsidy_instalments");

            migrationBuilder.DropTable(
                name: "workflow_tokens");

            migrationBuilder.DropColumn(
                name: "variables",
                table: "workflows");

            migrationBuilder.DropColumn(
                name: "element_id",
                table: "workflow_timers");

            migrationBuilder.DropColumn(
                name: "token_id",
                table: "workflow_timers");

            migrationBuilder.DropColumn(
                name: "token_id",
                table: "workflow_tasks");
        }
    }
}
