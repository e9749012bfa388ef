using System.Diagnostics;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Tasks;
using Shizhu.Workflows.Runtime.Queries;

namespace Shizhu.Benchmarks;

/// <summary>
/// <c>workers</c> concurrent loops, each taking the next open task from the shared queue and completing it with
/// <see cref="TaskCompleter.CompleteAsync"/> in a DI scope of its own (a DbContext per completion, as per HTTP
/// request). A completion counts when <c>CompleteAsync</c> returned, i.e. its transaction committed, inside the
/// measured window that follows the warm-up; its latency is the whole call, scope included.
/// </summary>
internal sealed class CompletionRun(BenchmarkEngine engine, ConflictCounter conflicts, ServerCpu serverCpu, TimeSpan warmUp, TimeSpan measure)
{
    private static readonly CompleteTask Command = new(null, null, "已按要求完成，材料已归档。");

    public async Task<RunResult> RunAsync(int workers, OpenTaskQueue queue, CancellationToken ct)
    {
        var before = await Ledger.ReadAsync(engine.ConnectionString, ct);
        var conflictsBefore = conflicts.Conflicts;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(measure.TotalSeconds * Stopwatch.Frequency);
        var window = new MeasuredWindow(serverCpu);
        var loops = Enumerable.Range(0, workers)
            .Select(_ => Task.Run(() => WorkAsync(queue, measureFrom, measureTo, window, ct), ct)).ToList();
        var results = await Task.WhenAll(loops);
        var end = Stopwatch.GetTimestamp();
        window.End();

        var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
        var poolRanOut = results.Any(r => r.RanOut);
        // If the queue ran dry inside the window, the rate is over the part of the window that had work.
        var measuredTicks = Math.Max(1, (poolRanOut ? Math.Min(end, measureTo) : measureTo) - measureFrom);
        var after = await Ledger.ReadAsync(engine.ConnectionString, ct);
        return new RunResult(
            workers,
            latencies.Length,
            TimeSpan.FromSeconds((double)measuredTicks / Stopwatch.Frequency),
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99),
            results.Sum(r => r.Completions),
            conflicts.Conflicts - conflictsBefore,
            results.Sum(r => r.Failures),
            poolRanOut,
            window.ClientCpu,
            window.ServerCpu,
            window.Allocated,
            window.Jitted,
            window.StealPercent,
            after.Minus(before));
    }

    private async Task<LoopResult> WorkAsync(OpenTaskQueue queue, long measureFrom, long measureTo, MeasuredWindow window, CancellationToken ct)
    {
        var result = new LoopResult();
        while (!ct.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= measureTo) { window.End(); break; }
            if (now >= measureFrom) window.Begin();
            if (!queue.TryTake(out var task)) { result.RanOut = true; window.End(); break; }

            var began = Stopwatch.GetTimestamp();
            try
            {
                await engine.InScopeAsync<TaskCompleter, TaskView>(c => c.CompleteAsync(task.Id, Command with { Outcome = task.Outcome }, task.Actor, null, ct));
            }
            catch (WorkflowException)
            {
                result.Failures++;
                continue;
            }
            var ended = Stopwatch.GetTimestamp();
            result.Completions++;
            if (ended >= measureFrom && ended < measureTo) result.Latencies.Add(ended - began);
        }
        return result;
    }

    private static TimeSpan Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? TimeSpan.Zero
            : TimeSpan.FromSeconds((double)sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)] / Stopwatch.Frequency);

    private sealed class LoopResult
    {
        public List<long> Latencies { get; } = new(capacity: 32_768);
        public long Completions { get; set; }
        public long Failures { get; set; }
        public bool RanOut { get; set; }
    }

    /// <summary>Samples this process's and the server's CPU time when the measured window opens and closes.</summary>
    private sealed class MeasuredWindow(ServerCpu serverCpu)
    {
        private readonly Lock _gate = new();
        private TimeSpan _clientStart, _clientEnd;
        private TimeSpan? _serverStart, _serverEnd;
        private long _allocatedStart, _allocatedEnd, _jittedStart, _jittedEnd;
        private CpuSteal? _stealStart, _stealEnd;
        private bool _begun, _ended;

        public TimeSpan ClientCpu => _clientEnd - _clientStart;
        public TimeSpan? ServerCpu => _serverEnd - _serverStart;
        public long Allocated => _allocatedEnd - _allocatedStart;
        /// <summary>Methods the JIT compiled inside the window: a steady state compiles none.</summary>
        public long Jitted => _jittedEnd - _jittedStart;
        public double? StealPercent => CpuSteal.Percent(_stealStart, _stealEnd);

        public void Begin()
        {
            if (Volatile.Read(ref _begun)) return;
            lock (_gate)
            {
                if (_begun) return;
                _clientStart = Process.GetCurrentProcess().TotalProcessorTime;
                _allocatedStart = GC.GetTotalAllocatedBytes();
                _jittedStart = System.Runtime.JitInfo.GetCompiledMethodCount();
                _serverStart = serverCpu.Read();
                _stealStart = CpuSteal.Read();
                Volatile.Write(ref _begun, true);
            }
        }

        public void End()
        {
            lock (_gate)
            {
                if (_ended || !_begun) return;
                _clientEnd = Process.GetCurrentProcess().TotalProcessorTime;
                _allocatedEnd = GC.GetTotalAllocatedBytes();
                _jittedEnd = System.Runtime.JitInfo.GetCompiledMethodCount();
                _serverEnd = serverCpu.Read();
                _stealEnd = CpuSteal.Read();
                _ended = true;
            }
        }
    }
}
