using Shizhu.Workflows.Access;

namespace Shizhu.Benchmarks;

/// <summary>An open task handed to a worker, with the actor who may complete it (its role, its township).</summary>
internal sealed record OpenTask(Guid Id, Guid WorkflowId, string TemplateKey, Actor Actor, string? Outcome = null);
