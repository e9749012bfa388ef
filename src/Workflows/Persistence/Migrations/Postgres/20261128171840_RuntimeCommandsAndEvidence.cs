using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RuntimeCommandsAndEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workflows_township_code_track",
                schema: "workflows",
                table: "workflows");

            migrationBuilder.AddColumn<string>(
                name: "result",
                schema: "workflows",
                table: "idempotency_records",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "evidence_files",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    requirement = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    storage_path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_files_tasks_task_id",
                        column: x => x.task_id,
                        principalSchema: "workflows",
                        principalTable: "workflow_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_workflows_township_code_track",
                schema: "workflows",
                table: "workflows",
                columns: new[] { "township_code", "track" },
                unique: true,
                filter: "status IN ('Running', 'Suspended')");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_task_id_uploaded_at",
                schema: "workflows",
                table: "evidence_files",
                columns: new[] { "task_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_workflow_id",
                schema: "workflows",
                table: "evidence_files",
                column: "workflow_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evidence_files",
                schema: "workflows");

            migrationBuilder.DropIndex(
                name: "ix_workflows_township_code_track",
                schema: "workflows",
                table: "workflows");

            migrationBuilder.DropColumn(
                name: "result",
                schema: "workflows",
                table: "idempotency_records");

            migrationBuilder.CreateIndex(
                name: "ix_workflows_township_code_track",
                schema: "workflows",
                table: "workflows",
                columns: new[] { "township_code", "track" },
                unique: true,
                filter: "status = 'Running'");
        }
    }
}
