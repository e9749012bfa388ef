using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Notifications.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeliveryPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "body",
                table: "deliveries",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "created_at",
                table: "deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "display_name",
                table: "deliveries",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "held_for",
                table: "deliveries",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "deliveries",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "next_attempt_at",
                table: "deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "occurred_at",
                table: "deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "resent_at",
                table: "deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resent_by",
                table: "deliveries",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "title",
                table: "deliveries",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "user_name",
                table: "deliveries",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "workflow_id",
                table: "deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "channel_preferences",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    changed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channel_preferences", x => new { x.user_name, x.kind, x.channel });
                });

            migrationBuilder.CreateTable(
                name: "delivery_attempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    delivery_id = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    provider_answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    batch_size = table.Column<int>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_delivery_attempts_deliveries_delivery_id",
                        column: x => x.delivery_id,
                        principalTable: "deliveries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_channel_created_at",
                table: "deliveries",
                columns: new[] { "channel", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_status_next_attempt_at",
                table: "deliveries",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_delivery_attempts_delivery_id",
                table: "delivery_attempts",
                column: "delivery_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "channel_preferences");

            migrationBuilder.DropTable(
                name: "delivery_attempts");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_channel_created_at",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_status_next_attempt_at",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "body",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "display_name",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "held_for",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "next_attempt_at",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "occurred_at",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "resent_at",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "resent_by",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "title",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "user_name",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "version",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "workflow_id",
                table: "deliveries");
        }
    }
}
