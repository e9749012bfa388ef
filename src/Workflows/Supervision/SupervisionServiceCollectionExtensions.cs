using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Runtime.Townships;

namespace Shizhu.Workflows.Supervision;

public static class SupervisionServiceCollectionExtensions
{
    /// <summary>Supervision's commands and queries (ADR 0037); the Host may register its own <see cref="SupervisionOptions"/> first.</summary>
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.TryAddSingleton(new SupervisionOptions());
        services.AddScoped<Urging>();
        services.AddScoped<TaskUrging>();
        services.AddScoped<TownshipUrging>();
        services.AddScoped<DeadlineExtension>();
        services.AddScoped<SupervisionQueries>();
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<DeadlineFeed>();
        services.AddScoped<DailyDigest>();
        return services;
    }
}
