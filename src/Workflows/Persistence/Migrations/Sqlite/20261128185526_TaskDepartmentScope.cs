using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskDepartmentScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "department_code",
                table: "workflow_tasks",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_department_code_status",
                table: "workflow_tasks",
                columns: new[] { "department_code", "status" },
                filter: "department_code IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_department_code_status",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "department_code",
                table: "workflow_tasks");
        }
    }
}
