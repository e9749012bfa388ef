using System.Text.Json;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>
/// Small municipal templates, each exercising one kind of element. Every user task is the county office's,
/// titled by its id, in the one stage <c>work</c>. Add one as version 2 and it is what a municipal start runs.
/// </summary>
public static class ProcessTemplates
{
    /// <summary>assess (form: score) → choose: score ≥ 60 → pass, score ≥ 90 → distinction, else (if <paramref name="withDefault"/>) rework.</summary>
    public static TemplateDefinition ExclusiveChoice(bool withDefault) => Template(
        [
            Start(),
            Task("assess", form: [new FormField("score", "得分", "number")]),
            new("choose", ElementType.ExclusiveGateway, Default: withDefault ? "choose->rework" : null),
            Task("pass"), Task("distinction"), Task("rework"), End(),
        ],
        [
            Flow("start", "assess"), Flow("assess", "choose"),
            // The default flow is listed first: a condition that holds still wins over it.
            .. withDefault ? new[] { Flow("choose", "rework") } : [],
            Flow("choose", "pass", new Condition("assess.score", AtLeast: 60)),
            Flow("choose", "distinction", new Condition("assess.score", AtLeast: 90)),
            Flow("pass", "end"), Flow("distinction", "end"), Flow("rework", "end"),
        ]);

    /// <summary>fork → a, b, c → join → after.</summary>
    public static TemplateDefinition ForkAndJoin() => Template(
        [Start(), new("fork", ElementType.ParallelGateway), Task("a"), Task("b"), Task("c"), new("join", ElementType.ParallelGateway), Task("after"), End()],
        [
            Flow("start", "fork"), Flow("fork", "a"), Flow("fork", "b"), Flow("fork", "c"),
            Flow("a", "join"), Flow("b", "join"), Flow("c", "join"), Flow("join", "after"), Flow("after", "end"),
        ]);

    /// <summary>
    /// loop → fork → a, b → join → count (rounds + 1) → again: rounds &lt; <paramref name="rounds"/> → loop, else end.
    /// The loop re-enters through an exclusive merge: a parallel gateway with two incoming flows is a join.
    /// </summary>
    public static TemplateDefinition JoinInsideALoop(int rounds) => Template(
        [
            Start(), new("loop", ElementType.ExclusiveGateway), new("fork", ElementType.ParallelGateway), Task("a"), Task("b"),
            new("join", ElementType.ParallelGateway), Service("count", "increment", ("name", "rounds")),
            new("again", ElementType.ExclusiveGateway, Default: "again->end"), End(),
        ],
        [
            Flow("start", "loop"), Flow("loop", "fork"), Flow("fork", "a"), Flow("fork", "b"), Flow("a", "join"), Flow("b", "join"),
            Flow("join", "count"), Flow("count", "again"), Flow("again", "loop", new Condition("rounds", LessThan: rounds)), Flow("again", "end"),
        ]);

    /// <summary>fork → a ⟲ (outcome redo loops back to a), b → join → after: a branch looping on itself.</summary>
    public static TemplateDefinition BranchLoopingOnItself() => Template(
        [
            Start(), new("fork", ElementType.ParallelGateway), Task("a", outcomes: ["done", "redo"]), Task("b"),
            new("a-checked", ElementType.ExclusiveGateway, Default: "a-checked->join"),
            new("join", ElementType.ParallelGateway), Task("after"), End(),
        ],
        [
            Flow("start", "fork"), Flow("fork", "a"), Flow("fork", "b"), Flow("a", "a-checked"),
            Flow("a-checked", "a", new Condition("a.outcome", EqualTo: "redo")), Flow("a-checked", "join"),
            Flow("b", "join"), Flow("join", "after"), Flow("after", "end"),
        ]);

    /// <summary>before → wait (<paramref name="days"/> calendar days) → after.</summary>
    public static TemplateDefinition IntermediateTimer(int days) => Template(
        [Start(), Task("before"), new("wait", ElementType.TimerEvent, Due: new DueRule(Days: days)), Task("after"), End()],
        [Flow("start", "before"), Flow("before", "wait"), Flow("wait", "after"), Flow("after", "end")]);

    /// <summary>a (due in 10 days; escalation after 2 days; interrupting timeout after 5 days → escalated) → after.</summary>
    public static TemplateDefinition BoundaryTimers() => Template(
        [
            Start(),
            Task("a", due: new DueRule(Days: 10), boundary:
            [
                new BoundaryTimer("a-escalation", new DueRule(Days: 2), "escalation"),
                new BoundaryTimer("a-timeout", new DueRule(Days: 5), "timeout", Interrupting: true, To: "escalated"),
            ]),
            Task("after"), Task("escalated"), End(),
        ],
        [Flow("start", "a"), Flow("a", "after"), Flow("after", "end"), Flow("escalated", "end")]);

    /// <summary>a (reminders after 2 and after 4 days, both of kind reminder) → after.</summary>
    public static TemplateDefinition RepeatedReminders() => Template(
        [
            Start(),
            Task("a", boundary:
            [
                new BoundaryTimer("a-first-reminder", new DueRule(Days: 2)),
                new BoundaryTimer("a-second-reminder", new DueRule(Days: 4)),
            ]),
            Task("after"), End(),
        ],
        [Flow("start", "a"), Flow("a", "after"), Flow("after", "end")]);

    /// <summary>prepare → verdict (message "verdict") → judge: verdict.result = passed → accepted, else redo.</summary>
    public static TemplateDefinition MessageWait() => Template(
        [
            Start(), Task("prepare"), new("verdict", ElementType.MessageEvent, Message: "verdict"),
            new("judge", ElementType.ExclusiveGateway, Default: "judge->redo"), Task("accepted"), Task("redo"), End(),
        ],
        [
            Flow("start", "prepare"), Flow("prepare", "verdict"), Flow("verdict", "judge"),
            Flow("judge", "accepted", new Condition("verdict.result", EqualTo: "passed")), Flow("judge", "redo"),
            Flow("accepted", "end"), Flow("redo", "end"),
        ]);

    /// <summary>run (service task <paramref name="action"/>) → after.</summary>
    public static TemplateDefinition ServiceStep(string action) => Template(
        [Start(), Service("run", action), Task("after"), End()],
        [Flow("start", "run"), Flow("run", "after"), Flow("after", "end")]);

    /// <summary>before → count (service task: rounds + 1) → after.</summary>
    public static TemplateDefinition CountingStep() => Template(
        [Start(), Task("before"), Service("count", "increment", ("name", "rounds")), Task("after"), End()],
        [Flow("start", "before"), Flow("before", "count"), Flow("count", "after"), Flow("after", "end")]);

    /// <summary>report, with a typed form.</summary>
    public static TemplateDefinition Form() => Template(
        [
            Start(),
            Task("report", form:
            [
                new FormField("summary", "整改摘要", Required: true, MaxLength: 10),
                new FormField("findings", "发现问题数", "number", Min: 0, Max: 100),
                new FormField("grade", "病媒生物防制等级", "select", Options: ["A", "B", "C"]),
                new FormField("inspectedOn", "检查日期", "date"),
                new FormField("archived", "已归档", "boolean"),
            ]),
            End(),
        ],
        [Flow("start", "report"), Flow("report", "end")]);

    /// <summary>spin (rounds + 1) → back → spin: a loop with no waiting point.</summary>
    public static TemplateDefinition LoopWithoutWaiting() => Template(
        [Start(), Service("spin", "increment", ("name", "spins")), new("back", ElementType.ExclusiveGateway), End()],
        [Flow("start", "spin"), Flow("spin", "back"), Flow("back", "spin")]);

    /// <summary>fork → two loops without a waiting point, side by side.</summary>
    public static TemplateDefinition TwoLoopsWithoutWaiting() => Template(
        [
            Start(), new("fork", ElementType.ParallelGateway),
            Service("spin-a", "increment", ("name", "spins-a")), new("back-a", ElementType.ExclusiveGateway),
            Service("spin-b", "increment", ("name", "spins-b")), new("back-b", ElementType.ExclusiveGateway), End(),
        ],
        [
            Flow("start", "fork"), Flow("fork", "spin-a"), Flow("fork", "spin-b"),
            Flow("spin-a", "back-a"), Flow("back-a", "spin-a"), Flow("spin-b", "back-b"), Flow("back-b", "spin-b"),
        ]);

    public static TemplateDefinition Template(IReadOnlyList<ElementDefinition> elements, IReadOnlyList<FlowDefinition> flows) =>
        new("municipal", "测试：流程元素", "municipal", [new StageDefinition("work", "工作")], elements, flows);

    private static ElementDefinition Start() => new("start", ElementType.StartEvent);

    private static ElementDefinition End() => new("end", ElementType.EndEvent);

    private static ElementDefinition Task(string id, IReadOnlyList<string>? outcomes = null, IReadOnlyList<FormField>? form = null,
        DueRule? due = null, IReadOnlyList<BoundaryTimer>? boundary = null) =>
        new(id, ElementType.UserTask, Stage: "work", Title: id, Role: Roles.CountyAdmin, Scope: TaskScope.County,
            Due: due, Outcomes: outcomes, Form: form, Boundary: boundary);

    private static ElementDefinition Service(string id, string action, params (string Name, string Value)[] input) =>
        new(id, ElementType.ServiceTask, Stage: "work", Action: action,
            Input: input.ToDictionary(i => i.Name, i => JsonSerializer.SerializeToElement(i.Value)));

    private static FlowDefinition Flow(string from, string to, Condition? when = null) => new(from, to, when);
}
