using System.Text.Json.Serialization;
using Shizhu.Workflows.Events;
using Shizhu.Workflows.Journal;
using System.Text.Json.Nodes;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Queries;

// Read models returned by WorkflowQueries; the HTTP API serialises them as they are (camelCase).

// Goal comes last: idempotency records store summaries as JSON, and older ones simply lack it.
public sealed record WorkflowSummary(
    Guid Id, string TownshipCode, string TownshipName, string Track, int StartYear, int TargetYear,
    string TemplateKey, int TemplateVersion, WorkflowStatus Status, string? CurrentStageKey, DateTimeOffset StartedAt,
    string Goal = Plans.Goals.Named)
{
    public static WorkflowSummary From(WorkflowInstance w) => new(w.Id, w.TownshipCode, w.TownshipName, w.Track, w.StartYear,
        w.TargetYear, w.TemplateKey, w.TemplateVersion, w.Status, w.CurrentStageKey, w.StartedAt, w.Goal);
}

public sealed record WorkflowDetail(
    Guid Id, string TownshipCode, string TownshipName, string Track, int StartYear, int TargetYear,
    string TemplateKey, int TemplateVersion, WorkflowStatus Status, string? CurrentStageKey, DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt, IReadOnlyList<StageView> Stages, IReadOnlyList<TaskView> Tasks, IReadOnlyList<WaitingView> Waiting,
    string Goal = Plans.Goals.Named);

/// <summary>A waiting point other than a user task: <c>timer</c> (with its time) or <c>message</c> (with its name).</summary>
public sealed record WaitingView(string Kind, string Name, DateTimeOffset? DueAt);

/// <summary>A stage with the phase of 实施步骤 it belongs to (<see cref="Phase"/> and its name; null on templates without phases).</summary>
public sealed record StageView(string Key, string Name, StageStatus Status, DateTimeOffset? EnteredAt, DateTimeOffset? CompletedAt,
    string? Phase = null, string? PhaseName = null);

// DepartmentCode comes last: idempotency records store TaskViews as JSON, and older ones simply lack it.
public sealed record TaskView(
    Guid Id, Guid WorkflowId, string StageKey, string Title, string Role, TaskScope Scope, UserTaskStatus Status,
    string? Assignee, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, bool Overdue, string? Outcome,
    string? CompletedBy, DateTimeOffset? CompletedAt, string? Comment, string? DepartmentCode = null)
{
    public static TaskView From(WorkflowTask t) => new(t.Id, t.WorkflowId, t.StageKey, t.Title, t.Role, t.Scope, t.Status,
        t.Assignee, t.CreatedAt, t.DueAt, t.Overdue, t.Outcome, t.CompletedBy, t.CompletedAt, t.Comment, t.DepartmentCode);
}

/// <summary>
/// A journal row: who, when, what (<see cref="Detail"/>, for people) and the state it changed, as JSON objects under
/// stable keys (<c>task</c>, <c>token</c>, <c>variables</c>, <c>stage</c>, <c>workflow</c>, …); both null on rows
/// older than the structured journal.
/// </summary>
/// <remarks>The kind goes out by its member name (<c>TaskCompleted</c>), as the journal column stores it.</remarks>
public sealed record JournalView(
    DateTimeOffset At, string Actor, [property: JsonConverter(typeof(JsonStringEnumConverter<JournalKind>))] JournalKind Kind, string Detail,
    JsonObject? Before, JsonObject? After)
{
    public static JournalView From(DateTimeOffset at, string actor, JournalKind kind, string detail, string? change)
    {
        var parsed = change is null ? null : JsonNode.Parse(change)?.AsObject();
        return new JournalView(at, actor, kind, detail, parsed?["before"]?.DeepClone().AsObject(), parsed?["after"]?.DeepClone().AsObject());
    }
}

public sealed record InboxItem(
    Guid Id, Guid WorkflowId, string TownshipCode, string TownshipName, string StageKey, string StageName,
    string Title, UserTaskStatus Status, DateTimeOffset? DueAt, bool Overdue, string Role, IReadOnlyList<string> Outcomes,
    TaskScope Scope, string? DepartmentCode, string? DepartmentName);

public sealed record AlertView(Guid Id, Guid TaskId, Guid WorkflowId, string TownshipCode, AlertKind Kind, DateTimeOffset RaisedAt);

public sealed record IncidentView(Guid Id, Guid WorkflowId, string TownshipCode, string ElementId, string Error, DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt, string? ResolvedBy);

/// <summary>
/// A task with what a person needs to do it: its role and scope (with the department for a department's task), the form's fields, the allowed outcomes and the
/// evidence it asks for (from the template version its workflow runs on).
/// </summary>
public sealed record TaskDetail(
    Guid Id, Guid WorkflowId, string StageKey, string Title, string? Description, string Role, TaskScope Scope,
    string TownshipCode, string? DepartmentCode, string? DepartmentName, UserTaskStatus Status, string? Assignee, DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt, bool Overdue, string? Outcome, string? CompletedBy, DateTimeOffset? CompletedAt, string? Comment,
    IReadOnlyList<FormFieldView> Form, IReadOnlyList<string> Outcomes, IReadOnlyList<EvidenceRequirementView> Evidence,
    JsonObject? Data = null, TaskOperationsView? Operations = null, CountersignView? Countersign = null);

/// <summary>
/// What the caller may do with a task (ADR 0031), computed by the engine's rules: <see cref="Allowed"/> lists operation
/// names (<c>claim</c>, <c>release</c>, <c>assign</c>, <c>complete</c>, <c>transfer</c>, <c>delegate</c>, <c>resolve</c>,
/// <c>sendBack</c>, <c>copy</c>, <c>withdraw</c>); <see cref="SendBackTargets"/> the earlier tasks it may go back to;
/// owner and delegation state while 委派; <see cref="HandoverNote"/> the reason it is where it is (退回/撤回/转办).
/// </summary>
public sealed record TaskOperationsView(
    IReadOnlyList<string> Allowed, IReadOnlyList<Tasks.SendBackTarget> SendBackTargets, string? Owner, DelegationState? Delegation, string? HandoverNote);

/// <summary>A form field as the task page renders it: its type and the bounds the engine checks (<c>FormValidator</c>).</summary>
public sealed record FormFieldView(string Key, string Label, string Type, bool Required, IReadOnlyList<string>? Options,
    decimal? Min = null, decimal? Max = null, int? MaxLength = null);

/// <summary>An evidence requirement of a task: <see cref="RequiredFor"/> null means required with any outcome (when <see cref="Required"/>).</summary>
public sealed record EvidenceRequirementView(string Key, string Label, bool Required, IReadOnlyList<string>? RequiredFor)
{
    public static EvidenceRequirementView From(EvidenceRequirement r) => new(r.Key, r.Label, r.Required, r.RequiredFor);

    /// <summary>Whether completing with <paramref name="outcome"/> needs a file for it: the engine's own rule.</summary>
    public bool IsRequiredFor(string? outcome) => new EvidenceRequirement(Key, Label, Required, RequiredFor).IsRequiredFor(outcome);
}
