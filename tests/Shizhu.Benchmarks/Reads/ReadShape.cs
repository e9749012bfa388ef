using Shizhu.Workflows.Templates;

namespace Shizhu.Benchmarks.Reads;

/// <summary>
/// The proportions of the generated county, after issue 16's measured database: 10,000 townships × 2 tracks running
/// (20,000 workflows), 9,000 completed; per running workflow about 29 completed tasks, 2 open township tasks, an open
/// county-office task every other workflow (10,000 for the county office's inbox), 1.1 open department tasks; about a
/// third of open tasks overdue, each with an alert; one notification per task and three per alert; four in five read.
/// </summary>
internal sealed record ReadShape(IReadOnlyList<TemplateDefinition> Templates, IReadOnlyList<string> Departments, DateTimeOffset Now)
{
    public const int Townships = 10_000;
    public const int CompletedWorkflows = 9_000;
    public const int CompletedTasksPerRunning = 29;
    public const int TasksPerCompleted = 38;
    public const int OpenTownshipTasks = 2;

    public static string TownshipCode(int i) => $"T{i:00000000}";
    public static string TownshipName(int i) => $"读测乡{i:00000}";

    /// <summary>The user names the benchmark's readers carry, and whose reads the generator writes.</summary>
    public static string StaffOf(string township) => $"staff-{township}";
    public static string DepartmentUser(string department) => $"dept-{department}";
    public const string CountyOffice = "county-office";
    public const string Leader = "county-leader";
}
