using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Tests.Infrastructure;
using Xunit.Abstractions;
namespace Shizhu.Workflows.Tests;
public sealed class ZzDebug(ITestOutputHelper output)
{
    [Fact]
    public async Task Debug()
    {
        await using var harness = await EngineHarness.CreateAsync(new DateTimeOffset(2022, 1, 4, 9, 0, 0, TimeSpan.FromHours(8)));
        output.WriteLine($"workflows {harness.Read(db => db.Workflows.Count())} tokens {harness.Read(db => db.Tokens.Count())} journal {harness.Read(db => db.Journal.Count())}");
        try { await harness.StartAsync(TownshipCodes.Yuelai, "national", 2022); }
        catch (Exception ex) { output.WriteLine(ex.ToString()); }
        await using var h2 = await EngineHarness.CreateAsync();
        try { await h2.StartAsync(TownshipCodes.Yuelai, "national", 2022); output.WriteLine("h2 ok"); }
        catch (Exception ex) { output.WriteLine(ex.ToString()); }
    }
}
