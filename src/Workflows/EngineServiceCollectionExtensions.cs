using Microsoft.Extensions.DependencyInjection;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Runtime.ServiceTasks;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;

namespace Shizhu.Workflows;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine's commands and queries. The caller registers a <see cref="Persistence.WorkflowDbContext"/>,
    /// a <see cref="TimeProvider"/>, an <see cref="ITimerScheduler"/> and an <see cref="Outbox.IOutboxSignal"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services)
    {
        services.AddSingleton<TemplateCatalog>();
        services.AddSingleton<WorkingCalendarProvider>();
        services.AddSingleton<IServiceTaskAction, SetVariableAction>();
        services.AddSingleton<IServiceTaskAction, IncrementAction>();
        services.AddSingleton<IServiceTaskAction, RecordSubsidyAction>();
        services.AddSingleton<ServiceTaskActions>();
        services.AddScoped<ProcessRuntime>();
        services.AddScoped<EngineCommandRunner>();
        services.AddScoped<WorkflowStarter>();
        services.AddScoped<TaskCompleter>();
        services.AddScoped<TimerFiring>();
        services.AddScoped<MessageDelivery>();
        services.AddScoped<IncidentRetry>();
        services.AddScoped<WorkflowQueries>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddSingleton<TemplateValidator>();
        services.AddScoped<TemplateVersions>();
        return services;
    }
}
