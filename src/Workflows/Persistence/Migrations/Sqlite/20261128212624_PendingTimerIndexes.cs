using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PendingTimerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workflow_timers_fired_at_cancelled_at_due_at",
                table: "workflow_timers");

            migrationBuilder.DropIndex(
                name: "ix_workflow_timers_task_id",
                table: "workflow_timers");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_timers_due_at",
                table: "workflow_timers",
                column: "due_at",
                filter: "fired_at IS NULL AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_timers_task_id",
                table: "workflow_timers",
                column: "task_id",
                filter: "fired_at IS NULL AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_timers_workflow_id",
                table: "workflow_timers",
                column: "workflow_id",
                filter: "fired_at IS NULL AND cancelled_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workflow_timers_due_at",
                table: "workflow_timers");

            migrationBuilder.DropIndex(
                name: "ix_workflow_timers_task_id",
                table: "workflow_timers");

            migrationBuilder.DropIndex(
                name: "ix_workflow_timers_workflow_id",
                table: "workflow_timers");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_timers_fired_at_cancelled_at_due_at",
                table: "workflow_timers",
                columns: new[] { "fired_at", "cancelled_at", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_timers_task_id",
                table: "workflow_timers",
                column: "task_id");
        }
    }
}
