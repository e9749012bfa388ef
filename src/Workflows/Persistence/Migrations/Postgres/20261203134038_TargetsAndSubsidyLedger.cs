using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TargetsAndSubsidyLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "confirmed_at",
                schema: "workflows",
                table: "subsidy_instalments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "confirmed_by",
                schema: "workflows",
                table: "subsidy_instalments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "due_on",
                schema: "workflows",
                table: "subsidy_instalments",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "milestone",
                schema: "workflows",
                table: "subsidy_instalments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "paid_on",
                schema: "workflows",
                table: "subsidy_instalments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "revision",
                schema: "workflows",
                table: "subsidy_instalments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "voucher_number",
                schema: "workflows",
                table: "subsidy_instalments",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_instalments_township_code_due_on",
                schema: "workflows",
                table: "subsidy_instalments",
                columns: new[] { "township_code", "due_on" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "held_title_changes",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "held_titles",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "plan_targets",
                schema: "workflows");

            migrationBuilder.DropIndex(
                name: "ix_subsidy_instalments_township_code_due_on",
                schema: "workflows",
                table: "subsidy_instalments");

            migrationBuilder.DropColumn(
                name: "confirmed_at",
                schema: "workflows",
                table: "subsidy_instalments");

            migrationBuilder.DropColumn(
                name: "confirmed_by",
                schema: "workflows",
                table: "subsidy_instalments");

            migrationBuilder.DropColumn(
                name: "due_on",
                schema: "workflows",
                table: "subsidy_instalments");

            migrationBuilder.DropColumn(
                name: "milestone",
                schema: "workflows",
                table: "subsidy_instalments");

            migrationBuilder.DropColumn(
                name: "paid_on",
                schema: "workflows",
                table: "subsidy_instalments");

            migrationBuilder.DropColumn(
                name: "revision",
                schema: "workflows",
                table: "subsidy_instalments");

            migrationBuilder.DropColumn(
                name: "voucher_number",
                schema: "workflows",
                table: "subsidy_instalments");
        }
    }
}
