using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RuntimeCommandsAndEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workflows_township_code_track",
                table: "workflows");

            migrationBuilder.AddColumn<string>(
                name: "result",
                table: "idempotency_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "evidence_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workflow_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    township_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    requirement = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    storage_path = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_files_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "workflow_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_workflows_township_code_track",
                table: "workflows",
                columns: new[] { "township_code", "track" },
                unique: true,
                filter: "status IN ('Running', 'Suspended')");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_task_id_uploaded_at",
                table: "evidence_files",
                columns: new[] { "task_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_workflow_id",
                table: "evidence_files",
                column: "workflow_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evidence_files");

            migrationBuilder.DropIndex(
                name: "ix_workflows_township_code_track",
                table: "workflows");

            migrationBuilder.DropColumn(
                name: "result",
                table: "idempotency_records");

            migrationBuilder.CreateIndex(
                name: "ix_workflows_township_code_track",
                table: "workflows",
                columns: new[] { "township_code", "track" },
                unique: true,
                filter: "status = 'Running'");
        }
    }
}
