using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "delegation",
                table: "workflow_tasks",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "handover_note",
                table: "workflow_tasks",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "owner",
                table: "workflow_tasks",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "task_copies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workflow_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    township_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    township_name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    task_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    copied_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    copied_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_copies", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_task_copies_task_id_user_name",
                table: "task_copies",
                columns: new[] { "task_id", "user_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_task_copies_user_name_created_at",
                table: "task_copies",
                columns: new[] { "user_name", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "task_copies");

            migrationBuilder.DropColumn(
                name: "delegation",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "handover_note",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "owner",
                table: "workflow_tasks");
        }
    }
}
