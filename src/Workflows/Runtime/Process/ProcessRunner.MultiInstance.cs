using System.Text.Json.Nodes;
using Shizhu.Workflows.Journal;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime.Process;

// 会签 / 或签 (ADR 0045): one task per instance on the element's one token; the element's variable keeps every signature.
internal sealed partial class ProcessRunner
{
    /// <summary>
    /// A token entered a 会签/或签: its variable starts afresh (a token sent back into it signs again) and every instance
    /// opens (parallel) or the first does (sequential).
    /// </summary>
    private void OpenInstances(WorkflowToken token, ElementDefinition element, MultiInstanceDefinition multi)
    {
        _variables.Set(element.Id, MultiInstanceProgress.Start(multi));
        foreach (var key in multi.Sequential ? multi.Keys.Take(1) : multi.Keys) OpenTask(token, element, key);
    }

    /// <summary>
    /// One instance of a 会签/或签 was completed: its signature joins the element's variable; once the completion condition
    /// holds (or the instance chose a negative outcome) the element's outcome is set and the token moves on, else a
    /// sequential element opens its next instance. Answers whether the element completed (the caller cancels the rest).
    /// </summary>
    private bool InstanceCompleted(WorkflowTask task, ElementDefinition element, MultiInstanceDefinition multi, JsonObject signature,
        string? outcome, JournalRecord journal)
    {
        var progress = (_variables.Get(element.Id) as JsonObject)?.DeepClone() as JsonObject ?? MultiInstanceProgress.Start(multi);
        signature["key"] = task.InstanceKey;
        var signed = MultiInstanceProgress.Add(progress, signature);
        var positive = element.Outcomes is { Count: > 0 } outcomes ? outcomes[0] : null;
        var done = (outcome is not null && outcome != positive) || signed >= multi.Required;
        if (done)
        {
            progress["outcome"] = outcome;
            progress["completedBy"] = task.CompletedBy;
        }
        SetJournaled(journal, element.Id, progress);
        if (done && TokenOf(task.TokenId) is { } token)
        {
            Moving(journal, token);
            Leave(token);
        }
        else if (!done && multi.Sequential && TokenOf(task.TokenId) is { } waiting && signed < multi.Keys.Count)
        {
            OpenTask(waiting, element, multi.Keys[signed]);
        }
        Run();
        return done;
    }
}

/// <summary>
/// The variable of a 会签/或签 element: <c>{signed, required, total, instances: [{key, outcome, completedBy, …form}], outcome}</c>,
/// so conditions read <c>{id}.outcome</c> as for any task and <c>{id}.signed</c> as a number.
/// </summary>
public static class MultiInstanceProgress
{
    public static JsonObject Start(MultiInstanceDefinition multi) => new()
    {
        ["signed"] = 0,
        ["required"] = multi.Required,
        ["total"] = multi.Keys.Count,
        ["instances"] = new JsonArray(),
    };

    /// <summary>Adds a signature; answers how many there are now.</summary>
    public static int Add(JsonObject progress, JsonObject signature)
    {
        if (progress["instances"] is not JsonArray instances) progress["instances"] = instances = [];
        instances.Add(signature);
        progress["signed"] = instances.Count;
        return instances.Count;
    }
}
