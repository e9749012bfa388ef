using Shizhu.Workflows.Supervision;
using Shizhu.Workflows.Runtime.Queries.Lists;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shizhu.Workflows.Calendar;
using Shizhu.Workflows.Evidence;
using Shizhu.Workflows.Plans;
using Shizhu.Workflows.ReferenceData;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Idempotency;
using Shizhu.Workflows.Runtime.Incidents;
using Shizhu.Workflows.Runtime.Messages;
using Shizhu.Workflows.Runtime.Process;
using Shizhu.Workflows.Runtime.ServiceTasks;
using Shizhu.Workflows.Runtime.Queries;
using Shizhu.Workflows.Runtime.Subsidies;
using Shizhu.Workflows.Targets;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Runtime.Workflows;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Templates.Validation;
using Shizhu.Workflows.Templates.Versions;

namespace Shizhu.Workflows;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine's commands and queries. The caller registers a <see cref="Persistence.WorkflowDbContext"/> with
    /// its <see cref="Persistence.IWorkflowStore"/> (<see cref="Persistence.WorkflowStoreRegistration"/>), a <see cref="TimeProvider"/>, an <see cref="ITimerScheduler"/> and an <see cref="Outbox.IOutboxSignal"/>; to use
    /// evidence, also an <see cref="IEvidenceStore"/> and, if 20 MB a file is not right, <see cref="EvidenceLimits"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services)
    {
        services.AddSingleton<TemplateCatalog>();
        services.AddSingleton<WorkingCalendarProvider>();
        services.AddSingleton<IServiceTaskAction, SetVariableAction>();
        services.AddSingleton<IServiceTaskAction, IncrementAction>();
        services.AddSingleton<IServiceTaskAction, RecordSubsidyAction>();
        services.AddSingleton<ServiceTaskActions>();
        services.AddScoped<WorkflowStateLoader>();
        services.TryAddSingleton(EvidenceLimits.Default);
        services.TryAddSingleton<IEvidenceStore, UnconfiguredEvidenceStore>();
        services.AddScoped<EngineCommandRunner>();
        services.AddScoped<IdempotencyLedger>();
        services.AddScoped<WorkflowStarter>();
        services.AddScoped<TaskCompleter>();
        services.AddScoped<TaskAssignment>();
        services.AddScoped<TaskOperations>();
        services.AddScoped<Runtime.Copies.TaskCopies>();
        services.AddScoped<WorkflowControl>();
        services.AddScoped<PlanImporter>();
        services.AddScoped<TimerFiring>();
        services.AddScoped<MessageDelivery>();
        services.AddScoped<IncidentRetry>();
        services.AddScoped<EvidenceUploader>();
        services.AddScoped<EvidenceRemover>();
        services.AddScoped<RequiredEvidence>();
        services.AddScoped<WorkflowQueries>();
        services.AddListQueries();
        services.AddScoped<EvidenceQueries>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<SeedMarkStore>();
        services.AddScoped<StatutoryCalendarAdmin>();
        services.AddSingleton<TemplateValidator>();
        services.AddScoped<TemplateVersions>();
        services.AddScoped<Templates.Bpmn.WorkflowDiagramQuery>();
        services.AddScoped<Templates.Bpmn.BpmnTemplates>();
        services.AddScoped<Runtime.InstanceMigration.WorkflowMigration>();

        services.AddScoped<TitlesHeld>();
        services.AddScoped<TitleRegister>();
        services.AddScoped<TargetSheet>();
        services.AddScoped<SubsidyLedger>();
        services.AddScoped<SubsidyPaymentConfirmation>();
        services.AddSupervision();
        services.TryAddSingleton(Supervision.SupervisionThresholds.Default);
        services.TryAddScoped<Supervision.ISupervisionFacts, Supervision.SupervisionFacts>();
        services.AddScoped<Cockpit.CockpitQuery>();
        services.TryAddSingleton(Bulletins.BulletinNumbering.Default);
        services.AddScoped<Bulletins.BulletinGenerator>();
        services.AddScoped<Bulletins.BulletinOffice>();
        services.AddScoped<Bulletins.BulletinArchive>();
        services.AddScoped<Bulletins.AnnualAssessment>();
        return services;
    }
}
