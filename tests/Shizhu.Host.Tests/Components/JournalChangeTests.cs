using System.Text.Json.Nodes;
using Shizhu.Host.Components.Pages.Workflows;

namespace Shizhu.Host.Tests.Components;

/// <summary>The 办理记录 table shows each row's structured change in Chinese, only what changed.</summary>
[Trait("Category", "Unit")]
public sealed class JournalChangeTests
{
    [Fact]
    public void ACompletionShowsTheTasksChangedFieldsInChinese()
    {
        var before = JsonNode.Parse("""{"task": {"id": "t1", "key": "work-plan", "status": "open", "assignee": null, "outcome": null, "completedBy": null}}""")!.AsObject();
        var after = JsonNode.Parse("""{"task": {"id": "t1", "key": "work-plan", "status": "completed", "assignee": null, "outcome": "passed", "completedBy": "shijia-staff"}}""")!.AsObject();

        var line = Assert.Single(JournalChange.Lines(before, after));

        Assert.Equal("任务：状态 待办理 → 已办结；结果 （无） → 通过；办结人 （无） → shijia-staff", line);
    }

    [Fact]
    public void PartsAreListedInAFixedOrderAndUnchangedOnesAreLeftOut()
    {
        var before = JsonNode.Parse("""{"variables": {"rounds.county-survey": 1}, "workflow": {"status": "running"}, "stage": {"key": "naming", "status": "active"}}""")!.AsObject();
        var after = JsonNode.Parse("""{"variables": {"rounds.county-survey": 2}, "workflow": {"status": "suspended"}, "stage": {"key": "naming", "status": "active"}}""")!.AsObject();

        Assert.Equal(["工作流：状态 进行中 → 已暂停", "变量：rounds.county-survey 1 → 2"], JournalChange.Lines(before, after));
    }

    [Fact]
    public void RowsWithoutAStructuredChangeShowNothing()
    {
        Assert.Empty(JournalChange.Lines(null, null));
        Assert.Empty(JournalChange.Lines(new JsonObject(), new JsonObject()));
    }
}
