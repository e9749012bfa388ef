using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskDepartmentScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "department_code",
                schema: "workflows",
                table: "workflow_tasks",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_department_code_status",
                schema: "workflows",
                table: "workflow_tasks",
                columns: new[] { "department_code", "status" },
                filter: "department_code IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_department_code_status",
                schema: "workflows",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "department_code",
                schema: "workflows",
                table: "workflow_tasks");
        }
    }
}
