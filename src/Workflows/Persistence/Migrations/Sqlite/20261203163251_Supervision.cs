using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_task_alerts_task_id_kind",
                table: "task_alerts");

            migrationBuilder.AddColumn<bool>(
                name: "alerted",
                table: "workflow_tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "due_at",
                table: "task_alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolution",
                table: "task_alerts",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "resolved_at",
                table: "task_alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stage_key",
                table: "task_alerts",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    rotated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feeds", x => x.user_name);
                });

            migrationBuilder.CreateTable(
                name: "digest_runs",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false),
                    due_soon = table.Column<int>(type: "INTEGER", nullable: false),
                    overdue = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_digest_runs", x => new { x.user_name, x.day });
                });

            migrationBuilder.CreateTable(
                name: "urges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    township_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    workflow_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    urged_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    urged_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    urged_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_urges", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_task_id_kind",
                table: "task_alerts",
                columns: new[] { "task_id", "kind" },
                unique: true,
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_workflow_id",
                table: "task_alerts",
                column: "workflow_id");

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_token_hash",
                table: "calendar_feeds",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_urges_task_id_urged_at",
                table: "urges",
                columns: new[] { "task_id", "urged_at" });

            migrationBuilder.CreateIndex(
                name: "ix_urges_township_code_urged_at",
                table: "urges",
                columns: new[] { "township_code", "urged_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "digest_runs");

            migrationBuilder.DropTable(
                name: "urges");

            migrationBuilder.DropIndex(
                name: "ix_task_alerts_task_id_kind",
                table: "task_alerts");

            migrationBuilder.DropIndex(
                name: "ix_task_alerts_workflow_id",
                table: "task_alerts");

            migrationBuilder.DropColumn(
                name: "alerted",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "due_at",
                table: "task_alerts");

            migrationBuilder.DropColumn(
                name: "resolution",
                table: "task_alerts");

            migrationBuilder.DropColumn(
                name: "resolved_at",
                table: "task_alerts");

            migrationBuilder.DropColumn(
                name: "stage_key",
                table: "task_alerts");

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_task_id_kind",
                table: "task_alerts",
                columns: new[] { "task_id", "kind" },
                unique: true);
        }
    }
}
