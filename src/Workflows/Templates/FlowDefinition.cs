namespace Shizhu.Workflows.Templates;

/// <summary>A sequence flow. Out of an exclusive gateway the first flow whose condition holds is taken, else the gateway's default.</summary>
public sealed record FlowDefinition(string From, string To, Condition? Condition = null, string? Id = null)
{
    public string Key => Id ?? $"{From}->{To}";
}
