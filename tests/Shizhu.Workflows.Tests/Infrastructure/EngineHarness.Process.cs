using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Runtime.Messages;
using Shizhu.Workflows.Runtime.Incidents;

namespace Shizhu.Workflows.Tests.Infrastructure;

// The token interpreter's commands (messages, incident retries) and what it leaves in the database.
public sealed partial class EngineHarness
{
    /// <summary>
    /// Publishes <paramref name="template"/> as its track's latest version and starts it for <paramref name="townshipCode"/>
    /// (default 黄水镇, not in the plan).
    /// </summary>
    public async Task<WorkflowInstance> StartOnAsync(TemplateDefinition template, int startYear = 2022, string townshipCode = TownshipCodes.Huangshui)
    {
        var version = Read(db => db.Templates.Where(t => t.Key == template.Key).Max(t => t.Version)) + 1;
        await AddTemplateAsync(template, version, TemplateStatus.Published);
        return await StartAsync(townshipCode, template.Track, startYear);
    }

    /// <summary>Delivers message <paramref name="name"/> with a JSON object <paramref name="payloadJson"/> (or none), as the county office.</summary>
    public async Task<WorkflowSummary> DeliverAsync(Guid workflowId, string name, string? payloadJson = null, Actor? actor = null, string? idempotencyKey = null)
    {
        using var payload = payloadJson is null ? null : JsonDocument.Parse(payloadJson);
        return await InScopeAsync<MessageDelivery, WorkflowSummary>(d =>
            d.DeliverAsync(workflowId, new DeliverMessage(name, payload?.RootElement), actor ?? TestActors.CountyAdmin, idempotencyKey, CancellationToken.None));
    }

    public Task<IncidentView> RetryAsync(Guid incidentId, Actor? actor = null, string? idempotencyKey = null) =>
        InScopeAsync<IncidentRetry, IncidentView>(r => r.RetryAsync(incidentId, actor ?? TestActors.CountyAdmin, idempotencyKey, CancellationToken.None));

    public async Task<List<WorkflowToken>> TokensAsync(Guid workflowId)
    {
        await using var db = NewDbContext();
        return await db.Tokens.AsNoTracking().Where(t => t.WorkflowId == workflowId).ToListAsync();
    }

    public async Task<List<Incident>> IncidentsAsync(Guid workflowId)
    {
        await using var db = NewDbContext();
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.WorkflowId == workflowId).ToListAsync();
        return [.. incidents.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)];
    }

    public async Task<List<SubsidyInstalment>> SubsidiesAsync(Guid workflowId)
    {
        await using var db = NewDbContext();
        var rows = await db.SubsidyInstalments.AsNoTracking().Where(s => s.WorkflowId == workflowId).ToListAsync();
        return [.. rows.OrderBy(s => s.Instalment)];
    }

    /// <summary>The workflow's variables, as the engine last stored them.</summary>
    public async Task<JsonObject> VariablesAsync(Guid workflowId) =>
        JsonNode.Parse((await WorkflowAsync(workflowId)).Variables)!.AsObject();

    /// <summary>The template version the workflow is pinned to.</summary>
    public async Task<TemplateDefinition> TemplateOfAsync(Guid workflowId)
    {
        var workflow = await WorkflowAsync(workflowId);
        return Read(db => TemplateCatalog.Parse(
            db.Templates.Single(t => t.Key == workflow.TemplateKey && t.Version == workflow.TemplateVersion).Definition));
    }

    /// <summary>The template <paramref name="key"/> as the seeder published it (version 1).</summary>
    public TemplateDefinition BuiltInTemplate(string key) =>
        Read(db => TemplateCatalog.Parse(db.Templates.Single(t => t.Key == key && t.Version == 1).Definition));
}
