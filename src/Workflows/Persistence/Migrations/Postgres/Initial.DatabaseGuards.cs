using Microsoft.EntityFrameworkCore.Migrations;

namespace Shizhu.Workflows.Persistence.Migrations.Postgres;

/// <summary>
/// What the model cannot say and the initial migration must still create: hand-written SQL carried over from the
/// migrations squashed into <see cref="Initial"/> (ADR 0020). Keep it when migrations are squashed again.
/// </summary>
public partial class Initial
{
    static void CreateDatabaseGuards(MigrationBuilder migrationBuilder)
    {
        // Append-only (留痕, ADR 0011): the database itself refuses to rewrite or remove the trace, whatever the code does.
        migrationBuilder.Sql("""
            CREATE FUNCTION workflows.journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'journal is append-only: rows cannot be %', lower(TG_OP) USING ERRCODE = 'restrict_violation';
            END $$;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON workflows.journal
            FOR EACH ROW EXECUTE FUNCTION workflows.journal_append_only();
            """);

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

    static void DropDatabaseGuards(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP FUNCTION IF EXISTS workflows.expect_one_row(bigint, text);");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS journal_append_only ON workflows.journal;");
        migrationBuilder.Sql("DROP FUNCTION IF EXISTS workflows.journal_append_only();");
    }
}
