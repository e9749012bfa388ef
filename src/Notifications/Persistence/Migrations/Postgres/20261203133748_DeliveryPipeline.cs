using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Shizhu.Notifications.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeliveryPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempts",
                schema: "notifications",
                table: "deliveries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "body",
                schema: "notifications",
                table: "deliveries",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_at",
                schema: "notifications",
                table: "deliveries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "display_name",
                schema: "notifications",
                table: "deliveries",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "held_for",
                schema: "notifications",
                table: "deliveries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                schema: "notifications",
                table: "deliveries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_attempt_at",
                schema: "notifications",
                table: "deliveries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "occurred_at",
                schema: "notifications",
                table: "deliveries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resent_at",
                schema: "notifications",
                table: "deliveries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resent_by",
                schema: "notifications",
                table: "deliveries",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "title",
                schema: "notifications",
                table: "deliveries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "user_name",
                schema: "notifications",
                table: "deliveries",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "version",
                schema: "notifications",
                table: "deliveries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "workflow_id",
                schema: "notifications",
                table: "deliveries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "channel_preferences",
                schema: "notifications",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channel_preferences", x => new { x.user_name, x.kind, x.channel });
                });

            migrationBuilder.CreateTable(
                name: "delivery_attempts",
                schema: "notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    delivery_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    provider_answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    batch_size = table.Column<int>(type: "integer", nullable: false),
                    actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_delivery_attempts_deliveries_delivery_id",
                        column: x => x.delivery_id,
                        principalSchema: "notifications",
                        principalTable: "deliveries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_channel_created_at",
                schema: "notifications",
                table: "deliveries",
                columns: new[] { "channel", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_status_next_attempt_at",
                schema: "notifications",
                table: "deliveries",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_delivery_attempts_delivery_id",
                schema: "notifications",
                table: "delivery_attempts",
                column: "delivery_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "channel_preferences",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "delivery_attempts",
                schema: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_channel_created_at",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_status_next_attempt_at",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "attempts",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "body",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "created_at",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "display_name",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "held_for",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "kind",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "next_attempt_at",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "occurred_at",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "resent_at",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "resent_by",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "title",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "user_name",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "version",
                schema: "notifications",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "workflow_id",
                schema: "notifications",
                table: "deliveries");
        }
    }
}
