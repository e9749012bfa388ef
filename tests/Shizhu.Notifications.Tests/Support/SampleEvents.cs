using Shizhu.Workflows.Access;
using Shizhu.Workflows.Events;

namespace Shizhu.Notifications.Tests.Support;

/// <summary>One of each domain event, for 中益乡 (a national-track township of the plan).</summary>
public static class SampleEvents
{
    public const string Zhongyi = TownshipCodes.Zhongyi;
    public const string ZhongyiName = "中益乡";
    public const string Qiaotou = TownshipCodes.Qiaotou;

    public static readonly DateTimeOffset OccurredAt = new(2026, 5, 10, 2, 0, 0, TimeSpan.Zero);

    // 2026-05-31 23:59 in China is 15:59 UTC: the body must show the China wall-clock time.
    public static readonly DateTimeOffset DueAt = new(2026, 5, 31, 15, 59, 0, TimeSpan.Zero);

    public static readonly Guid WorkflowId = Guid.Parse("0196a3a4-0000-7000-8000-000000000001");
    public static readonly Guid TaskId = Guid.Parse("0196a3a4-0000-7000-8000-000000000002");

    public static WorkflowStarted WorkflowStarted() =>
        new(Guid.NewGuid(), OccurredAt, WorkflowId, Zhongyi, ZhongyiName, "national", 2024, 2026, "county.admin");

    public static StageEntered StageEntered() =>
        new(Guid.NewGuid(), OccurredAt, WorkflowId, Zhongyi, ZhongyiName, "county-survey", "县级调研");

    public static TaskCreated TaskCreated(string role = Roles.TownshipStaff) =>
        new(Guid.NewGuid(), OccurredAt, WorkflowId, TaskId, Zhongyi, ZhongyiName, "county-survey", "提交整改报告", role, DueAt);

    public static TaskCompleted TaskCompleted() =>
        new(Guid.NewGuid(), OccurredAt, WorkflowId, TaskId, Zhongyi, ZhongyiName, "county-survey", "提交整改报告", "zhongyi.staff", "通过");

    public static TaskOverdue TaskOverdue(string role = Roles.TownshipStaff) =>
        new(Guid.NewGuid(), OccurredAt, WorkflowId, TaskId, Guid.NewGuid(), Zhongyi, ZhongyiName, "county-survey", "提交整改报告", role, DueAt);

    public static WorkflowCompleted WorkflowCompleted() =>
        new(Guid.NewGuid(), OccurredAt, WorkflowId, Zhongyi, ZhongyiName, "national");
}
