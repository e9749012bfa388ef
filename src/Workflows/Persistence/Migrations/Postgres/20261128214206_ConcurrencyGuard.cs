using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shizhu.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConcurrencyGuard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The server-side optimistic-concurrency check of the engine's one-round-trip write (ChangeSetBatch, ADR 0016):
            // each UPDATE or DELETE reports how many rows it changed; anything but one aborts the whole batch.
            migrationBuilder.Sql("""
                CREATE FUNCTION workflows.expect_one_row(changed bigint, target text) RETURNS bigint
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF changed <> 1 THEN
                        RAISE EXCEPTION '% row changed by someone else (% rows matched)', target, changed USING ERRCODE = 'SZ409';
                    END IF;
                    RETURN changed;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS workflows.expect_one_row(bigint, text);");
        }
    }
}
