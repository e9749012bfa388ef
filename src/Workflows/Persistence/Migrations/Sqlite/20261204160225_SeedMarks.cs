using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeedMarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "seed_marks",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    seeded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seed_marks", x => x.key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "seed_marks");
        }
    }
}
