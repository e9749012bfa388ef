using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bulletins",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    period_year = table.Column<int>(type: "INTEGER", nullable: false),
                    period_month = table.Column<int>(type: "INTEGER", nullable: false),
                    scheduled = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    foreword = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    conclusions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    content = table.Column<string>(type: "TEXT", nullable: false),
                    number_year = table.Column<int>(type: "INTEGER", nullable: true),
                    sequence = table.Column<int>(type: "INTEGER", nullable: true),
                    number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    edited_at = table.Column<long>(type: "INTEGER", nullable: true),
                    edited_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    approved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    approved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bulletins", x => x.id);
                });

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
                name: "departments",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_departments", x => x.code);
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
                name: "held_title_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    change = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_held_title_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "held_titles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    township_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    revocation_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_held_titles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    command = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    resource_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 44, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    result = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => new { x.user_name, x.key });
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workflow_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    resolved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "journal",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    workflow_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    change = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    trace_parent = table.Column<string>(type: "TEXT", maxLength: 55, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "plan_entries",
                columns: table => new
                {
                    township_code = table.Column<string>(type: "TEXT", nullable: false),
                    track = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    start_year = table.Column<int>(type: "INTEGER", nullable: false),
                    target_year = table.Column<int>(type: "INTEGER", nullable: false),
                    goal = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false, defaultValue: "named")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_entries", x => new { x.township_code, x.track });
                });

            migrationBuilder.CreateTable(
                name: "plan_targets",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 8, scale: 4, nullable: false),
                    from_year = table.Column<int>(type: "INTEGER", nullable: false),
                    by_year = table.Column<int>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_targets", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "statutory_days",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statutory_days", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_instalments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workflow_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    township_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    instalment = table.Column<int>(type: "INTEGER", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    milestone = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    voucher_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    confirmed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    confirmed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subsidy_instalments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "task_alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workflow_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    township_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    raised_at = table.Column<long>(type: "INTEGER", nullable: false),
                    stage_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolved_at = table.Column<long>(type: "INTEGER", nullable: true),
                    resolution = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_alerts", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "template_versions",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    track = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    definition = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    published_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_template_versions", x => new { x.key, x.version });
                });

            migrationBuilder.CreateTable(
                name: "townships",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_townships", x => x.code);
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

            migrationBuilder.CreateTable(
                name: "workflow_timers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workflow_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    token_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    fired_at = table.Column<long>(type: "INTEGER", nullable: true),
                    cancelled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_timers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    township_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    township_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    track = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    start_year = table.Column<int>(type: "INTEGER", nullable: false),
                    target_year = table.Column<int>(type: "INTEGER", nullable: false),
                    goal = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false, defaultValue: "named"),
                    template_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    template_version = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    current_stage_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    started_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    variables = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflows", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_stages",
                columns: table => new
                {
                    workflow_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    entered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_stages", x => new { x.workflow_id, x.key });
                    table.ForeignKey(
                        name: "fk_workflow_stages_workflows_workflow_id",
                        column: x => x.workflow_id,
                        principalTable: "workflows",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflow_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workflow_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stage_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    token_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    township_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    department_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    assignee = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    overdue = table.Column<bool>(type: "INTEGER", nullable: false),
                    alerted = table.Column<bool>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    completed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    data = table.Column<string>(type: "TEXT", nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    delegation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    handover_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    instance_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_tasks_workflows_workflow_id",
                        column: x => x.workflow_id,
                        principalTable: "workflows",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflow_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workflow_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    arrived_by = table.Column<string>(type: "TEXT", maxLength: 170, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_tokens_workflows_workflow_id",
                        column: x => x.workflow_id,
                        principalTable: "workflows",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "ix_bulletins_number_year_sequence",
                table: "bulletins",
                columns: new[] { "number_year", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bulletins_period_year_period_month",
                table: "bulletins",
                columns: new[] { "period_year", "period_month" });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_token_hash",
                table: "calendar_feeds",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_task_id_uploaded_at",
                table: "evidence_files",
                columns: new[] { "task_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_files_workflow_id",
                table: "evidence_files",
                column: "workflow_id");

            migrationBuilder.CreateIndex(
                name: "ix_held_title_changes_title_id_at",
                table: "held_title_changes",
                columns: new[] { "title_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_held_titles_township_code_title",
                table: "held_titles",
                columns: new[] { "township_code", "title" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_created_at_id",
                table: "incidents",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_resolved_at_workflow_id",
                table: "incidents",
                columns: new[] { "resolved_at", "workflow_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_workflow_id_id",
                table: "journal",
                columns: new[] { "workflow_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_event_id",
                table: "outbox_messages",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_published_at_id",
                table: "outbox_messages",
                columns: new[] { "published_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_instalments_township_code_due_on",
                table: "subsidy_instalments",
                columns: new[] { "township_code", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_instalments_workflow_id_instalment",
                table: "subsidy_instalments",
                columns: new[] { "workflow_id", "instalment" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_open_raised_at_id",
                table: "task_alerts",
                columns: new[] { "raised_at", "id" },
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_open_township_code_raised_at_id",
                table: "task_alerts",
                columns: new[] { "township_code", "raised_at", "id" },
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_raised_at_id",
                table: "task_alerts",
                columns: new[] { "raised_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_task_id_kind",
                table: "task_alerts",
                columns: new[] { "task_id", "kind" },
                unique: true,
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_township_code_raised_at_id",
                table: "task_alerts",
                columns: new[] { "township_code", "raised_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_workflow_id",
                table: "task_alerts",
                column: "workflow_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_copies_task_id_user_name",
                table: "task_copies",
                columns: new[] { "task_id", "user_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_task_copies_user_name_created_at",
                table: "task_copies",
                columns: new[] { "user_name", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_urges_task_id_urged_at",
                table: "urges",
                columns: new[] { "task_id", "urged_at" });

            migrationBuilder.CreateIndex(
                name: "ix_urges_township_code_urged_at",
                table: "urges",
                columns: new[] { "township_code", "urged_at" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_department_code_due_at_id",
                table: "workflow_tasks",
                columns: new[] { "department_code", "due_at", "id" },
                filter: "status = 'Open' AND department_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_department_code_status",
                table: "workflow_tasks",
                columns: new[] { "department_code", "status" },
                filter: "department_code IS NOT NULL");

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
                name: "ix_workflow_tasks_status_township_code_role",
                table: "workflow_tasks",
                columns: new[] { "status", "township_code", "role" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_township_code_scope_due_at_id",
                table: "workflow_tasks",
                columns: new[] { "township_code", "scope", "due_at", "id" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_workflow_id",
                table: "workflow_tasks",
                column: "workflow_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_timers_due_at",
                table: "workflow_timers",
                column: "due_at",
                filter: "fired_at IS NULL AND cancelled_at IS NULL AND due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_timers_task_id",
                table: "workflow_timers",
                column: "task_id",
                filter: "fired_at IS NULL AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_timers_workflow_id",
                table: "workflow_timers",
                column: "workflow_id",
                filter: "fired_at IS NULL AND cancelled_at IS NULL AND workflow_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tokens_workflow_id",
                table: "workflow_tokens",
                column: "workflow_id");

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
                name: "ix_workflows_township_code_track",
                table: "workflows",
                columns: new[] { "township_code", "track" },
                unique: true,
                filter: "status IN ('Running', 'Suspended')");

            // Hand-written, kept through the squash (ADR 0020): Initial.DatabaseGuards.cs.
            CreateDatabaseGuards(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropDatabaseGuards(migrationBuilder);

            migrationBuilder.DropTable(
                name: "bulletins");

            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "departments");

            migrationBuilder.DropTable(
                name: "digest_runs");

            migrationBuilder.DropTable(
                name: "evidence_files");

            migrationBuilder.DropTable(
                name: "held_title_changes");

            migrationBuilder.DropTable(
                name: "held_titles");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "incidents");

            migrationBuilder.DropTable(
                name: "journal");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "plan_entries");

            migrationBuilder.DropTable(
                name: "plan_targets");

            migrationBuilder.DropTable(
                name: "statutory_days");

            migrationBuilder.DropTable(
                name: "subsidy_instalments");

            migrationBuilder.DropTable(
                name: "task_alerts");

            migrationBuilder.DropTable(
                name: "task_copies");

            migrationBuilder.DropTable(
                name: "template_versions");

            migrationBuilder.DropTable(
                name: "townships");

            migrationBuilder.DropTable(
                name: "urges");

            migrationBuilder.DropTable(
                name: "workflow_stages");

            migrationBuilder.DropTable(
                name: "workflow_timers");

            migrationBuilder.DropTable(
                name: "workflow_tokens");

            migrationBuilder.DropTable(
                name: "workflow_tasks");

            migrationBuilder.DropTable(
                name: "workflows");
        }
    }
}
