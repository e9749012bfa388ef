using Microsoft.Extensions.DependencyInjection;

namespace Shizhu.Workflows.Runtime.Queries.Lists;

public static class ListQueryRegistration
{
    /// <summary>The paged list queries (ADR 0035), one line in the engine's registration.</summary>
    public static IServiceCollection AddListQueries(this IServiceCollection services) => services
        .AddScoped<InboxQuery>()
        .AddScoped<WorkflowListQuery>()
        .AddScoped<AlertListQuery>()
        .AddScoped<IncidentListQuery>()
        .AddScoped<JournalPageQuery>();
}
