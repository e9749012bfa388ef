using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "workflows");

            migrationBuilder.CreateTable(
                name: "bulletins",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_year = table.Column<int>(type: "integer", nullable: false),
                    period_month = table.Column<int>(type: "integer", nullable: false),
                    scheduled = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    foreword = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    conclusions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    content = table.Column<string>(type: "text", nullable: false),
                    number_year = table.Column<int>(type: "integer", nullable: true),
                    sequence = table.Column<int>(type: "integer", nullable: true),
                    number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    edited_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bulletins", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                schema: "workflows",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    rotated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feeds", x => x.user_name);
                });

            migrationBuilder.CreateTable(
                name: "departments",
                schema: "workflows",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_departments", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "digest_runs",
                schema: "workflows",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_soon = table.Column<int>(type: "integer", nullable: false),
                    overdue = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_digest_runs", x => new { x.user_name, x.day });
                });

            migrationBuilder.CreateTable(
                name: "held_title_changes",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    change = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_held_title_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "held_titles",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    township_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    document_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    revocation_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_held_titles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                schema: "workflows",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    command = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    resource_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_hash = table.Column<string>(type: "character varying(44)", maxLength: 44, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    result = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => new { x.user_name, x.key });
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "journal",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    change = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    trace_parent = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "plan_entries",
                schema: "workflows",
                columns: table => new
                {
                    township_code = table.Column<string>(type: "text", nullable: false),
                    track = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start_year = table.Column<int>(type: "integer", nullable: false),
                    target_year = table.Column<int>(type: "integer", nullable: false),
                    goal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "named")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_entries", x => new { x.township_code, x.track });
                });

            migrationBuilder.CreateTable(
                name: "plan_targets",
                schema: "workflows",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    value = table.Column<decimal>(type: "numeric(8,4)", precision: 8, scale: 4, nullable: false),
                    from_year = table.Column<int>(type: "integer", nullable: false),
                    by_year = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_targets", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "statutory_days",
                schema: "workflows",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statutory_days", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "subsidy_instalments",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    instalment = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    milestone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: true),
                    voucher_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    confirmed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subsidy_instalments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "task_alerts",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stage_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolution = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_alerts", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "template_versions",
                schema: "workflows",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    track = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    definition = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    published_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    published_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_template_versions", x => new { x.key, x.version });
                });

            migrationBuilder.CreateTable(
                name: "townships",
                schema: "workflows",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_townships", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "urges",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    township_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: true),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    urged_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    urged_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    urged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_urges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_timers",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    token_id = table.Column<Guid>(type: "uuid", nullable: true),
                    element_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    fired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_timers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflows",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    township_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    township_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    track = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start_year = table.Column<int>(type: "integer", nullable: false),
                    target_year = table.Column<int>(type: "integer", nullable: false),
                    goal = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "named"),
                    template_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    template_version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    current_stage_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    variables = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflows", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_stages",
                schema: "workflows",
                columns: table => new
                {
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_stages", x => new { x.workflow_id, x.key });
                    table.ForeignKey(
                        name: "fk_workflow_stages_workflows_workflow_id",
                        column: x => x.workflow_id,
                        principalSchema: "workflows",
                        principalTable: "workflows",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflow_tasks",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    element_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    token_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    township_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    department_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    assignee = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    overdue = table.Column<bool>(type: "boolean", nullable: false),
                    alerted = table.Column<bool>(type: "boolean", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    outcome = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    data = table.Column<string>(type: "text", nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    delegation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    handover_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    instance_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_tasks_workflows_workflow_id",
                        column: x => x.workflow_id,
                        principalSchema: "workflows",
                        principalTable: "workflows",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflow_tokens",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    workflow_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    arrived_by = table.Column<string>(type: "character varying(170)", maxLength: 170, nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_tokens_workflows_workflow_id",
                        column: x => x.workflow_id,
                        principalSchema: "workflows",
                        principalTable: "workflows",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "ix_bulletins_number_year_sequence",
                schema: "workflows",
                table: "bulletins",
                columns: new[] { "number_year", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bulletins_period_year_period_month",
                schema: "workflows",
                table: "bulletins",
                columns: new[] { "period_year", "period_month" });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_feeds_token_hash",
                schema: "workflows",
                table: "calendar_feeds",
                column: "token_hash",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_held_title_changes_title_id_at",
                schema: "workflows",
                table: "held_title_changes",
                columns: new[] { "title_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_held_titles_township_code_title",
                schema: "workflows",
                table: "held_titles",
                columns: new[] { "township_code", "title" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_created_at_id",
                schema: "workflows",
                table: "incidents",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_resolved_at_workflow_id",
                schema: "workflows",
                table: "incidents",
                columns: new[] { "resolved_at", "workflow_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_workflow_id_id",
                schema: "workflows",
                table: "journal",
                columns: new[] { "workflow_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_event_id",
                schema: "workflows",
                table: "outbox_messages",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_published_at_id",
                schema: "workflows",
                table: "outbox_messages",
                columns: new[] { "published_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_instalments_township_code_due_on",
                schema: "workflows",
                table: "subsidy_instalments",
                columns: new[] { "township_code", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_instalments_workflow_id_instalment",
                schema: "workflows",
                table: "subsidy_instalments",
                columns: new[] { "workflow_id", "instalment" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_open_raised_at_id",
                schema: "workflows",
                table: "task_alerts",
                columns: new[] { "raised_at", "id" },
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_open_township_code_raised_at_id",
                schema: "workflows",
                table: "task_alerts",
                columns: new[] { "township_code", "raised_at", "id" },
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_raised_at_id",
                schema: "workflows",
                table: "task_alerts",
                columns: new[] { "raised_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_task_id_kind",
                schema: "workflows",
                table: "task_alerts",
                columns: new[] { "task_id", "kind" },
                unique: true,
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_township_code_raised_at_id",
                schema: "workflows",
                table: "task_alerts",
                columns: new[] { "township_code", "raised_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_task_alerts_workflow_id",
                schema: "workflows",
                table: "task_alerts",
                column: "workflow_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_urges_task_id_urged_at",
                schema: "workflows",
                table: "urges",
                columns: new[] { "task_id", "urged_at" });

            migrationBuilder.CreateIndex(
                name: "ix_urges_township_code_urged_at",
                schema: "workflows",
                table: "urges",
                columns: new[] { "township_code", "urged_at" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_department_code_due_at_id",
                schema: "workflows",
                table: "workflow_tasks",
                columns: new[] { "department_code", "due_at", "id" },
                filter: "status = 'Open' AND department_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_department_code_status",
                schema: "workflows",
                table: "workflow_tasks",
                columns: new[] { "department_code", "status" },
                filter: "department_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_department_code_workflow_id",
                schema: "workflows",
                table: "workflow_tasks",
                columns: new[] { "department_code", "workflow_id" },
                filter: "department_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_scope_created_at_id",
                schema: "workflows",
                table: "workflow_tasks",
                columns: new[] { "scope", "created_at", "id" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_scope_due_at_id",
                schema: "workflows",
                table: "workflow_tasks",
                columns: new[] { "scope", "due_at", "id" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_status_township_code_role",
                schema: "workflows",
                table: "workflow_tasks",
                columns: new[] { "status", "township_code", "role" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_township_code_scope_due_at_id",
                schema: "workflows",
                table: "workflow_tasks",
                columns: new[] { "township_code", "scope", "due_at", "id" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_workflow_id",
                schema: "workflows",
                table: "workflow_tasks",
                column: "workflow_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_timers_due_at",
                schema: "workflows",
                table: "workflow_timers",
                column: "due_at",
                filter: "fired_at IS NULL AND cancelled_at IS NULL AND due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_timers_task_id",
                schema: "workflows",
                table: "workflow_timers",
                column: "task_id",
                filter: "fired_at IS NULL AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_timers_workflow_id",
                schema: "workflows",
                table: "workflow_timers",
                column: "workflow_id",
                filter: "fired_at IS NULL AND cancelled_at IS NULL AND workflow_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tokens_workflow_id",
                schema: "workflows",
                table: "workflow_tokens",
                column: "workflow_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflows_started_at_id",
                schema: "workflows",
                table: "workflows",
                columns: new[] { "started_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_workflows_status_township_code_start_year_id",
                schema: "workflows",
                table: "workflows",
                columns: new[] { "status", "township_code", "start_year", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_workflows_township_code_start_year_id",
                schema: "workflows",
                table: "workflows",
                columns: new[] { "township_code", "start_year", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_workflows_township_code_track",
                schema: "workflows",
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
                name: "bulletins",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "calendar_feeds",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "departments",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "digest_runs",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "evidence_files",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "held_title_changes",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "held_titles",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "idempotency_records",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "incidents",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "journal",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "plan_entries",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "plan_targets",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "statutory_days",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "subsidy_instalments",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "task_alerts",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "task_copies",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "template_versions",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "townships",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "urges",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "workflow_stages",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "workflow_timers",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "workflow_tokens",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "workflow_tasks",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "workflows",
                schema: "workflows");
        }
    }
}
