using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Plans;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.ReferenceData;

/// <summary>
/// Seeds what every installation needs: the county's townships, its departments, the statutory calendar,
/// the built-in templates (published, version 1), the plan's calendar and its targets. Adds what is missing and never
/// overwrites, so an administrator's later edits survive a restart.
/// </summary>
public sealed class ReferenceDataSeeder(WorkflowDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyList<Department> CountyDepartments =
    [
        new() { Code = "urban-management", Name = "县城市管理局" },
        new() { Code = "ecology-environment", Name = "县生态环境局" },
        new() { Code = "market-regulation", Name = "县市场监管局" },
        new() { Code = "commerce", Name = "县商务委" },
        new() { Code = "public-security", Name = "县公安局" },
        new() { Code = "education", Name = "县教委" },
        new() { Code = "water-resources", Name = "县水利局" },
        new() { Code = "transport", Name = "县交通局" },
        new() { Code = "agriculture-rural", Name = "县农业农村委" },
    ];

    /// <summary>
    /// The annex (行事历) of 石柱府办发〔2022〕25号: township, track, start year, target year, and what the row asks by the
    /// target year (<see cref="Goals"/>): the title conferred ("年底通过公示并获得…命名"), or for 桥头镇 the national technical
    /// assessment acceptance passed ("年底前通过国家卫生乡镇技术评估验收").
    /// </summary>
    public static readonly IReadOnlyList<(string Township, string Track, int StartYear, int TargetYear, string Goal)> Plan =
    [
        ("悦崃镇", "national", 2022, 2024, Goals.Named), ("中益乡", "national", 2022, 2024, Goals.Named),
        ("桥头镇", "national", 2025, 2026, Goals.AssessmentPassed),
        ("石家乡", "municipal", 2022, 2022, Goals.Named), ("金铃乡", "municipal", 2022, 2022, Goals.Named),
        ("临溪镇", "municipal", 2023, 2023, Goals.Named), ("王家乡", "municipal", 2023, 2023, Goals.Named),
        ("万朝镇", "municipal", 2024, 2024, Goals.Named), ("三星乡", "municipal", 2024, 2024, Goals.Named),
        ("西沱镇", "municipal", 2025, 2025, Goals.Named), ("六塘乡", "municipal", 2025, 2025, Goals.Named),
        ("冷水镇", "municipal", 2026, 2026, Goals.Named),
    ];

    /// <summary>
    /// Adds what is missing. Replicas starting together may seed the same rows at once: the one that commits second
    /// hits a unique key, drops its unit of work and looks again, finding the rows the first one added.
    /// </summary>
    public async Task SeedAsync(CancellationToken ct)
    {
        try
        {
            await SeedOnceAsync(ct);
        }
        catch (DbUpdateException ex) when (Persistence.UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            await SeedOnceAsync(ct);
        }
    }

    private async Task SeedOnceAsync(CancellationToken ct)
    {
        var townships = ReadCsv("townships.csv").Select(r => new Township { Code = r[0], Name = r[1], Kind = r[2] }).ToList();
        await AddMissingAsync(db.Townships, townships, t => t.Code, ct);
        await AddMissingAsync(db.Departments, CountyDepartments.Select(d => new Department { Code = d.Code, Name = d.Name }), d => d.Code, ct);
        var days = ReadCsv("statutory-calendar.csv").Select(r => new StatutoryDay
        {
            Date = DateOnly.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture),
            Kind = r[1] == "holiday" ? StatutoryDayKind.Holiday : StatutoryDayKind.MakeupWorkday,
            Name = r[2],
        });
        await AddMissingAsync(db.StatutoryDays, days, d => d.Date, ct);

        var codeByName = townships.ToDictionary(t => t.Name, t => t.Code);
        var plan = Plan.Select(p => new PlanEntry { TownshipCode = codeByName[p.Township], Track = p.Track, StartYear = p.StartYear, TargetYear = p.TargetYear, Goal = p.Goal });
        await AddMissingAsync(db.PlanEntries, plan, p => (p.TownshipCode, p.Track), ct);
        await AddMissingAsync(db.PlanTargets, Targets.PlanTarget.Seeded(), t => t.Key, ct);

        foreach (var key in new[] { "national", "municipal" })
            await SeedBuiltInTemplateAsync(key, ReadResource($"Templates.{key}.json"), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A built-in template ships with the engine. A database without the key gets it as version 1. When a new release
    /// changes the built-in and the newest version of the key is still the engine's own, the new content is published
    /// as the next version: new workflows start on it, running ones keep theirs. When an administrator's version is
    /// the newest, theirs stands and the new built-in is not added (they can take it from the release's JSON).
    /// </summary>
    private async Task SeedBuiltInTemplateAsync(string key, string json, CancellationToken ct)
    {
        var latest = await db.Templates.Where(t => t.Key == key).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        if (latest is not null && (latest.CreatedBy != TemplateVersion.BuiltInAuthor || SameDocument(latest.Definition, json))) return;

        var definition = TemplateCatalog.Parse(json);
        var now = clock.GetUtcNow();
        db.Templates.Add(new TemplateVersion
        {
            Key = key, Version = (latest?.Version ?? 0) + 1, Name = definition.Name, Track = definition.Track, Definition = json,
            Status = TemplateStatus.Published, CreatedAt = now, PublishedAt = now, CreatedBy = TemplateVersion.BuiltInAuthor,
        });
    }

    private static bool SameDocument(string stored, string shipped) =>
        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(stored), System.Text.Json.Nodes.JsonNode.Parse(shipped));

    private static async Task AddMissingAsync<T, TKey>(DbSet<T> set, IEnumerable<T> rows, Func<T, TKey> key, CancellationToken ct)
        where T : class where TKey : notnull
    {
        var existing = (await set.AsNoTracking().ToListAsync(ct)).Select(key).ToHashSet();
        set.AddRange(rows.Where(r => !existing.Contains(key(r))));
    }

    private static IEnumerable<string[]> ReadCsv(string name) =>
        ReadResource($"ReferenceData.{name}").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1).Select(line => line.Split(','));

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
