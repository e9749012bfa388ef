using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;
using Shizhu.Workflows.Plans;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.ReferenceData;

/// <summary>
/// Seeds what every installation needs: the county's townships, its departments, the statutory calendar,
/// the built-in templates (published, version 1) and the plan's calendar. Adds what is missing and never
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

    /// <summary>The annex (行事历) of 石柱府办发〔2022〕25号: township, track, start year, target year.</summary>
    public static readonly IReadOnlyList<(string Township, string Track, int StartYear, int TargetYear)> Plan =
    [
        ("悦崃镇", "national", 2022, 2024), ("中益乡", "national", 2022, 2024), ("桥头镇", "national", 2025, 2026),
        ("石家乡", "municipal", 2022, 2022), ("金铃乡", "municipal", 2022, 2022),
        ("临溪镇", "municipal", 2023, 2023), ("王家乡", "municipal", 2023, 2023),
        ("万朝镇", "municipal", 2024, 2024), ("三星乡", "municipal", 2024, 2024),
        ("西沱镇", "municipal", 2025, 2025), ("六塘乡", "municipal", 2025, 2025),
        ("冷水镇", "municipal", 2026, 2026),
    ];

    public async Task SeedAsync(CancellationToken ct)
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
        var plan = Plan.Select(p => new PlanEntry { TownshipCode = codeByName[p.Township], Track = p.Track, StartYear = p.StartYear, TargetYear = p.TargetYear });
        await AddMissingAsync(db.PlanEntries, plan, p => (p.TownshipCode, p.Track), ct);

        foreach (var key in new[] { "national", "municipal" })
        {
            if (await db.Templates.AnyAsync(t => t.Key == key, ct)) continue;
            var json = ReadResource($"Templates.{key}.json");
            var definition = TemplateCatalog.Parse(json);
            var now = clock.GetUtcNow();
            db.Templates.Add(new StageTemplate
            {
                Key = key, Version = 1, Name = definition.Name, Track = definition.Track, Definition = json,
                Status = TemplateStatus.Published, CreatedAt = now, PublishedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }

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
