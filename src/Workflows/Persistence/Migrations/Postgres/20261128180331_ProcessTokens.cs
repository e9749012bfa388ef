using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProcessTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "variables",
                schema: "workflows",
                table: "workflows",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "element_id",
                schema: "workflows",
                table: "workflow_timers",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "token_id",
                schema: "workflows",
                table: "workflow_timers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "token_id",
                schema: "workflows",
                table: "workflow_tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "incidents",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_instalments",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    instalment = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subsidy_instalments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_tokens",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    arrived_by = table.Column<string>(type: "character varying(170)", maxLength: 170, nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_tokens_workflows_workflow_id",
                        column: x => x.workflow_id,
                        principalSchema: "workflows",
                        principalTable: "workflows",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_resolved_at_workflow_id",
                schema: "workflows",
                table: "incidents",
                columns: new[] { "resolved_at", "workflow_id" });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_instalments_workflow_id_instalment",
                schema: "workflows",
                table: "subsidy_instalments",
                columns: new[] { "workflow_id", "instalment" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tokens_workflow_id",
                schema: "workflows",
                table: "workflow_tokens",
                column: "workflow_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "incidents",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "subsidy_instalments",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "workflow_tokens",
                schema: "workflows");

            migrationBuilder.DropColumn(
                name: "variables",
                schema: "workflows",
                table: "workflows");

            migrationBuilder.DropColumn(
                name: "element_id",
                schema: "workflows",
                table: "workflow_timers");

            migrationBuilder.DropColumn(
                name: "token_id",
                schema: "workflows",
                table: "workflow_timers");

            migrationBuilder.DropColumn(
                name: "token_id",
                schema: "workflows",
                table: "workflow_tasks");
        }
    }
}
