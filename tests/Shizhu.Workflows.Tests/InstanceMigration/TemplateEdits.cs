using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Tests.InstanceMigration;

/// <summary>
/// Edits that turn a template version into the next one, as an administrator would: rename an element, change a
/// due rule, add a task in parallel, remove one. The tests derive their target versions with them.
/// </summary>
public static class TemplateEdits
{
    public static TemplateDefinition Rename(this TemplateDefinition t, string from, string to) => t with
    {
        Elements = [.. t.Elements.Select(e => e.Id == from ? e with { Id = to } : e)],
        Flows = [.. t.Flows.Select(f => f with { From = f.From == from ? to : f.From, To = f.To == from ? to : f.To })],
    };

    public static TemplateDefinition WithDue(this TemplateDefinition t, string id, DueRule due) => t with
    {
        Elements = [.. t.Elements.Select(e => e.Id == id ? e with { Due = due } : e)],
    };

    public static TemplateDefinition WithRole(this TemplateDefinition t, string id, string role) => t with
    {
        Elements = [.. t.Elements.Select(e => e.Id == id ? e with { Role = role } : e)],
    };

    /// <summary>A new task like <paramref name="like"/> (same stage, role, scope, due rule), between the same fork and join.</summary>
    public static TemplateDefinition WithParallelTask(this TemplateDefinition t, string like, string id, string title)
    {
        var model = t.Elements.Single(e => e.Id == like);
        var fork = t.Flows.Single(f => f.To == like).From;
        var join = t.Flows.Single(f => f.From == like).To;
        return t with
        {
            Elements = [.. t.Elements.SelectMany(e => e.Id == like ? [e, model with { Id = id, Title = title, Evidence = null, Form = null }] : new[] { e })],
            Flows = [.. t.Flows, new FlowDefinition(fork, id), new FlowDefinition(id, join)],
        };
    }

    /// <summary>Removes a task that sits on one path between a predecessor and a successor, joining them directly.</summary>
    public static TemplateDefinition Without(this TemplateDefinition t, string id)
    {
        var into = t.Flows.Single(f => f.To == id);
        var outOf = t.Flows.Single(f => f.From == id);
        return t with
        {
            Elements = [.. t.Elements.Where(e => e.Id != id)],
            Flows = [.. t.Flows.Where(f => f != into && f != outOf), new FlowDefinition(into.From, outOf.To)],
        };
    }
}
