using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TargetsAndSubsidyLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "confirmed_at",
                table: "subsidy_instalments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "confirmed_by",
                table: "subsidy_instalments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "due_on",
                table: "subsidy_instalments",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "milestone",
                table: "subsidy_instalments",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "paid_on",
                table: "subsidy_instalments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "subsidy_instalments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "voucher_number",
                table: "subsidy_instalments",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_subsidy_instalments_township_code_due_on",
                table: "subsidy_instalments",
                columns: new[] { "township_code", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_held_title_changes_title_id_at",
                table: "held_title_changes",
                columns: new[] { "title_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_held_titles_township_code_title",
                table: "held_titles",
                columns: new[] { "township_code", "title" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "held_title_changes");

            migrationBuilder.DropTable(
                name: "held_titles");

            migrationBuilder.DropTable(
                name: "plan_targets");

            migrationBuilder.DropIndex(
                name: "ix_subsidy_instalments_township_code_due_on",
                table: "subsidy_instalments");

            migrationBuilder.DropColumn(
                name: "confirmed_at",
                table: "subsidy_instalments");

            migrationBuilder.DropColumn(
                name: "confirmed_by",
                table: "subsidy_instalments");

            migrationBuilder.DropColumn(
                name: "due_on",
                table: "subsidy_instalments");

            migrationBuilder.DropColumn(
                name: "milestone",
                table: "subsidy_instalments");

            migrationBuilder.DropColumn(
                name: "paid_on",
                table: "subsidy_instalments");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "subsidy_instalments");

            migrationBuilder.DropColumn(
                name: "voucher_number",
                table: "subsidy_instalments");
        }
    }
}
