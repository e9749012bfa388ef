using Microsoft.Extensions.Time.Testing;
using Shizhu.Host.Clock;

namespace Shizhu.Host.Tests.Clock;

[Trait("Category", "Unit")]
public sealed class SimulatedClockTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2022, 1, 4, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"shizhu-clock-{Guid.NewGuid():N}.txt");
    private readonly FakeTimeProvider _real = new(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void SimulatedTimeFlowsAtTheRealRateAndOnlyMovesForward()
    {
        var clock = new SimulatedTimeProvider(Start, _real);
        _real.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(Start.AddMinutes(5), clock.GetUtcNow());

        Assert.True(clock.AdvanceTo(Start.AddDays(30)));
        Assert.False(clock.AdvanceTo(Start.AddDays(1)));
        Assert.Equal(Start.AddDays(30), clock.GetUtcNow());
    }

    [Fact]
    public void ARestartedDemoResumesAtTheSavedTime()
    {
        var file = new SimulatedClockFile(_file);
        var first = new SimulatedTimeProvider(file.Resume(Start), _real, file.Save);
        first.AdvanceTo(Start.AddMonths(4));

        var restarted = new SimulatedTimeProvider(new SimulatedClockFile(_file).Resume(Start), _real);

        Assert.Equal(Start.AddMonths(4), restarted.GetUtcNow());
    }

    [Fact]
    public void AStartLaterThanTheSavedTimeWinsAndAnUnreadableFileIsIgnored()
    {
        File.WriteAllText(_file, "not a time");
        Assert.Equal(Start, new SimulatedClockFile(_file).Resume(Start));

        File.WriteAllText(_file, Start.AddDays(-10).ToString("O"));
        Assert.Equal(Start, new SimulatedClockFile(_file).Resume(Start));
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59.0000000+00:00")]
    [InlineData("2101-01-01T00:00:00.0000000+08:00")]
    public void ASavedTimePastTheCalendarsLastYearIsIgnoredSoTheDemoStartsInsteadOfFailingEveryRequest(string saved)
    {
        File.WriteAllText(_file, saved);

        Assert.Equal(Start, new SimulatedClockFile(_file).Resume(Start));
    }

    public void Dispose() => File.Delete(_file);
}
