using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Persistence;

namespace Shizhu.Workflows.Templates.Bpmn;

/// <summary>Stored template versions as BPMN 2.0 XML: what <c>GET …/bpmn</c> and the diagrams of the UI read.</summary>
public sealed class BpmnTemplates(WorkflowDbContext db)
{
    /// <summary>The version's BPMN export, or null when the template has no such version.</summary>
    public async Task<string?> ExportAsync(string key, int version, CancellationToken ct) =>
        await db.Templates.AsNoTracking().Where(t => t.Key == key && t.Version == version).Select(t => t.Definition).SingleOrDefaultAsync(ct) is { } json
            ? BpmnExporter.Export(TemplateCatalog.ParseDocument(json))
            : null;
}
