using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListPaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_task_alerts_township_code",
                table: "task_alerts");

            migrationBuilder.CreateIndex(
                name: "ix_workflows_started_at_id",
                table: "workflows",
                columns: new[] { "started_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_workflows_status_township_code_start_year_id",
                table: "workflows",
                columns: new[] { "status", "township_code", "start_year", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_workflows_township_code_start_year_id",
                table: "workflows",
                columns: new[] { "township_code", "start_year", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_department_code_due_at_id",
                table: "workflow_tasks",
                columns: new[] { "department_code", "due_at", "id" },
                filter: "status = 'Open' AND department_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_department_code_workflow_id",
                table: "workflow_tasks",
                columns: new[] { "department_code", "workflow_id" },
                filter: "department_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_scope_created_at_id",
                table: "workflow_tasks",
                columns: new[] { "scope", "created_at", "id" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_scope_due_at_id",
                table: "workflow_tasks",
                columns: new[] { "scope", "due_at", "id" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_township_code_scope_due_at_id",
                table: "workflow_tasks",
                columns: new[] { "township_code", "scope", "due_at", "id" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_raised_at_id",
                table: "task_alerts",
                columns: new[] { "raised_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_township_code_raised_at_id",
                table: "task_alerts",
                columns: new[] { "township_code", "raised_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_created_at_id",
                table: "incidents",
                columns: new[] { "created_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workflows_started_at_id",
                table: "workflows");

            migrationBuilder.DropIndex(
                name: "ix_workflows_status_township_code_start_year_id",
                table: "workflows");

            migrationBuilder.DropIndex(
                name: "ix_workflows_township_code_start_year_id",
                table: "workflows");

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_department_code_due_at_id",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_department_code_workflow_id",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_scope_created_at_id",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_scope_due_at_id",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_township_code_scope_due_at_id",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "ix_task_alerts_raised_at_id",
                table: "task_alerts");

            migrationBuilder.DropIndex(
                name: "ix_task_alerts_township_code_raised_at_id",
                table: "task_alerts");

            migrationBuilder.DropIndex(
                name: "ix_incidents_created_at_id",
                table: "incidents");

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_township_code",
                table: "task_alerts",
                column: "township_code");
        }
    }
}
