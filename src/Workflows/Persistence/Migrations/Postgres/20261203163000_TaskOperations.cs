using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "delegation",
                schema: "workflows",
                table: "workflow_tasks",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "handover_note",
                schema: "workflows",
                table: "workflow_tasks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "owner",
                schema: "workflows",
                table: "workflow_tasks",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "task_copies",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    township_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    task_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    copied_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    copied_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_copies", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_task_copies_task_id_user_name",
                schema: "workflows",
                table: "task_copies",
                columns: new[] { "task_id", "user_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_task_copies_user_name_created_at",
                schema: "workflows",
                table: "task_copies",
                columns: new[] { "user_name", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "task_copies",
                schema: "workflows");

            migrationBuilder.DropColumn(
                name: "delegation",
                schema: "workflows",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "handover_note",
                schema: "workflows",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "owner",
                schema: "workflows",
                table: "workflow_tasks");
        }
    }
}
