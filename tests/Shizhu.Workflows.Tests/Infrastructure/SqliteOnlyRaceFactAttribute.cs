using Xunit.Abstractions;
using Xunit.Sdk;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>
/// A race made with <see cref="RivalCommandInterceptor"/>: runs on SQLite and is reported as skipped (with the reason)
/// on PostgreSQL, where the engine writes through its batch path without SaveChanges, so the rival never runs and
/// the test would fail for the harness's reason rather than the engine's. Remove once the store port (issue 9,
/// item 1) gives the rival a hook on both paths.
/// </summary>
[XunitTestCaseDiscoverer("Shizhu.Workflows.Tests.Infrastructure.SqliteOnlyRaceFactDiscoverer", "Shizhu.Workflows.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteOnlyRaceFactAttribute : FactAttribute;

public sealed class SqliteOnlyRaceFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private const string Reason = "The rival hook needs SaveChanges; PostgreSQL's batch path has none yet (ADR 0019).";

    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        testMethod.TestClass.Class.Name.EndsWith("OnPostgres", StringComparison.Ordinal)
            ? new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, Reason)
            : base.CreateTestCase(discoveryOptions, testMethod, factAttribute);
}
