using System.Diagnostics;
using Shizhu.Workflows.Tests.Infrastructure;
using Xunit.Abstractions;
namespace Shizhu.Workflows.Tests;
public sealed class ZzTiming(ITestOutputHelper output)
{
    [Fact]
    public async Task Timing()
    {
        await using var h0 = await EngineHarness.CreateAsync();
        for (var i = 0; i < 2; i++)
        {
            var sw = Stopwatch.StartNew();
            await using var harness = await EngineHarness.CreateAsync();
            output.WriteLine($"create {sw.ElapsedMilliseconds}"); sw.Restart();
            var wf = await harness.StartAsync(TownshipCodes.Shijia);
            var t = harness.BuiltInTemplate("municipal");
            var driver = new ProcessDriver(harness);
            long inv = 0, cmd = 0, q = 0, c = 0; int n = 0;
            while ((await harness.WorkflowAsync(wf.Id)).Status == Shizhu.Workflows.Runtime.Model.WorkflowStatus.Running)
            {
                sw.Restart();
                var open = await driver.OpenTasksAsync(wf.Id);
                q += sw.ElapsedMilliseconds; sw.Restart();
                if (open.Count > 0) { await harness.CompleteAsync(open[0].Id, TestActors.AbleToComplete(open[0])); c += sw.ElapsedMilliseconds; }
                else if (await driver.AwaitsMessageAsync(wf.Id)) await harness.DeliverAsync(wf.Id, "municipal-verdict", ProcessDriver.PassedVerdict);
                else await driver.AdvanceToNextTimerEventAsync(wf.Id);
                cmd += sw.ElapsedMilliseconds; sw.Restart(); n++;
                await TokenInvariants.AssertHoldAsync(harness, wf.Id, t);
                inv += sw.ElapsedMilliseconds;
            }
            output.WriteLine($"steps {n} cmd {cmd} inv {inv} q {q} complete {c}");
        }
    }
}
