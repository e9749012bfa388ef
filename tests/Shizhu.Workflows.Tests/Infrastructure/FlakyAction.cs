using System.Text.Json.Nodes;
using Shizhu.Workflows.Runtime.ServiceTasks;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>A test-only service-task action (<c>flaky</c>) that fails its first <paramref name="failures"/> runs with <paramref name="failure"/>.</summary>
public sealed class FlakyAction(int failures, Func<Exception>? failure = null) : IServiceTaskAction
{
    public const string ActionName = "flaky";

    public string Name => ActionName;

    public int Runs { get; private set; }

    public void Execute(ServiceTaskContext context)
    {
        Runs++;
        if (Runs <= failures) throw failure?.Invoke() ?? new ServiceTaskException("补助系统暂时无法连接。");
        context.Variables.Set("flaky.runs", JsonValue.Create(Runs));
        context.Journal($"第 {Runs} 次运行成功");
    }
}
