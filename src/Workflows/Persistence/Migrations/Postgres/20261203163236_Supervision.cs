using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_task_alerts_task_id_kind",
                schema: "workflows",
                table: "task_alerts");

            migrationBuilder.AddColumn<bool>(
                name: "alerted",
                schema: "workflows",
                table: "workflow_tasks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "due_at",
                schema: "workflows",
                table: "task_alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolution",
                schema: "workflows",
                table: "task_alerts",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolved_at",
                schema: "workflows",
                table: "task_alerts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stage_key",
                schema: "workflows",
                table: "task_alerts",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                schema: "workflows",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    rotated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feeds", x => x.user_name);
                });

            migrationBuilder.CreateTable(
                name: "digest_runs",
                schema: "workflows",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_soon = table.Column<int>(type: "integer", nullable: false),
                    overdue = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_digest_runs", x => new { x.user_name, x.day });
                });

            migrationBuilder.CreateTable(
                name: "urges",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    township_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: true),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    urged_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    urged_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    urged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_urges", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_task_id_kind",
                schema: "workflows",
                table: "task_alerts",
                columns: new[] { "task_id", "kind" },
                unique: true,
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_workflow_id",
                schema: "workflows",
                table: "task_alerts",
                column: "workflow_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_token_hash",
                schema: "workflows",
                table: "calendar_feeds",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_urges_task_id_urged_at",
                schema: "workflows",
                table: "urges",
                columns: new[] { "task_id", "urged_at" });

            migrationBuilder.CreateIndex(
                name: "ix_urges_township_code_urged_at",
                schema: "workflows",
                table: "urges",
                columns: new[] { "township_code", "urged_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_feeds",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "digest_runs",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "urges",
                schema: "workflows");

            migrationBuilder.DropIndex(
                name: "ix_task_alerts_task_id_kind",
                schema: "workflows",
                table: "task_alerts");

            migrationBuilder.DropIndex(
                name: "ix_task_alerts_workflow_id",
                schema: "workflows",
                table: "task_alerts");

            migrationBuilder.DropColumn(
                name: "alerted",
                schema: "workflows",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "due_at",
                schema: "workflows",
                table: "task_alerts");

            migrationBuilder.DropColumn(
                name: "resolution",
                schema: "workflows",
                table: "task_alerts");

            migrationBuilder.DropColumn(
                name: "resolved_at",
                schema: "workflows",
                table: "task_alerts");

            migrationBuilder.DropColumn(
                name: "stage_key",
                schema: "workflows",
                table: "task_alerts");

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_task_id_kind",
                schema: "workflows",
                table: "task_alerts",
                columns: new[] { "task_id", "kind" },
                unique: true);
        }
    }
}
