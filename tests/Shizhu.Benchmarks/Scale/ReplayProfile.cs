using System.Collections.Concurrent;
using System.Diagnostics;

namespace Shizhu.Benchmarks.Scale;

/// <summary>
/// Where the national replay's time goes: wall time of each serial step of a round (the driver's reads, the timer
/// sweep, a round of completions as a whole), and inside the rounds the time the workers spent in each command, summed
/// over the workers (so it can exceed the wall time; its shares say which command the rounds wait for).
/// </summary>
internal sealed class ReplayProfile
{
    private readonly ConcurrentDictionary<string, Entry> _wall = new();
    private readonly ConcurrentDictionary<string, Entry> _work = new();

    public int Rounds;

    private sealed class Entry
    {
        public long Ticks;
        public long Count;
    }

    public Task WallAsync(string step, Func<Task> action) => TimeAsync(_wall, step, async () => { await action(); return 0; });

    public Task<T> WallAsync<T>(string step, Func<Task<T>> action) => TimeAsync(_wall, step, action);

    public Task<T> WorkAsync<T>(string command, Func<Task<T>> action) => TimeAsync(_work, command, action);

    private static async Task<T> TimeAsync<T>(ConcurrentDictionary<string, Entry> into, string key, Func<Task<T>> action)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await action();
        }
        finally
        {
            var entry = into.GetOrAdd(key, _ => new Entry());
            Interlocked.Add(ref entry.Ticks, Stopwatch.GetTimestamp() - started);
            Interlocked.Increment(ref entry.Count);
        }
    }

    public void Print(TimeSpan took, int workers, bool readEachTask)
    {
        Console.WriteLine($"\nWhere the time went ({workers} workers, {(readEachTask ? "every task's detail read" : "one detail read per template element")}, {Rounds:N0} rounds of completions):");
        Console.WriteLine("| step (wall time, serial) | calls | total | share of the replay |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (step, e) in _wall.OrderByDescending(w => w.Value.Ticks))
            Console.WriteLine($"| {step} | {e.Count:N0} | {Seconds(e.Ticks):0.0} s | {Seconds(e.Ticks) / took.TotalSeconds:P0} |");
        var work = _work.Sum(w => w.Value.Ticks);
        Console.WriteLine("\n| inside the rounds (worker time, summed) | calls | total | per call | share |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (command, e) in _work.OrderByDescending(w => w.Value.Ticks))
            Console.WriteLine($"| {command} | {e.Count:N0} | {Seconds(e.Ticks):0.0} s | {Seconds(e.Ticks) * 1000 / Math.Max(1, e.Count):0.00} ms | {(double)e.Ticks / Math.Max(1, work):P0} |");
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}
