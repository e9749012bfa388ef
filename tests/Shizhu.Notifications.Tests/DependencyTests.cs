using Shizhu.Notifications.Pipeline;
using Shizhu.Workflows.Events;

namespace Shizhu.Notifications.Tests;

/// <summary>Notifications depend on the contracts only (ADR 0020), and the contracts on nothing but the runtime.</summary>
[Trait("Category", "Unit")]
public sealed class DependencyTests
{
    [Fact]
    public void NotificationsReferenceTheContractsAndNotTheEngine()
    {
        var references = typeof(NotificationConsumer<>).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("Shizhu.Contracts", references);
        Assert.DoesNotContain("Shizhu.Workflows", references);
    }

    [Fact]
    public void TheContractsReferenceOnlyTheRuntime()
    {
        var references = typeof(TaskOverdue).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.All(references, name => Assert.True(name.StartsWith("System.", StringComparison.Ordinal), $"Shizhu.Contracts references {name}"));
    }

    [Fact]
    public void EveryEventRecordOfTheContractsIsPublishable()
    {
        var records = typeof(TaskOverdue).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(TaskOverdue).Namespace && t.IsClass && !t.IsAbstract && t.GetProperty("EventId") is not null);

        Assert.Equal(records.Select(t => t.Name).Order(), EventTypes.ByName.Keys.Order());
    }
}
