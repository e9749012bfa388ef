using System.Globalization;

namespace Shizhu.Benchmarks;

/// <summary>The command line: <c>--name value</c> pairs and a few flags. run.sh passes the connection and where pgbench is.</summary>
internal sealed record BenchmarkOptions
{
    /// <summary>A server connection string (database <c>postgres</c>); the benchmark makes its own database beside it.</summary>
    public string Connection { get; init; } = "Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres";
    public string Database { get; init; } = "shizhu_bench";
    public IReadOnlyList<int> Workers { get; init; } = [1, 4, 8];
    public TimeSpan Measure { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Open tasks per benchmark workflow (the first stage's width); 12 is about what a built-in workflow holds halfway.</summary>
    public int TasksPerWorkflow { get; init; } = 12;
    /// <summary>The pgbench executable; without it the engine runs alone and no ratio is printed.</summary>
    public string? PgbenchPath { get; init; }
    public TimeSpan PgbenchDuration { get; init; } = TimeSpan.FromSeconds(15);
    /// <summary>The cluster's postmaster.pid, to read the server's CPU time from /proc.</summary>
    public string? PostmasterPidFile { get; init; }
    /// <summary>Print every SQL command of one traced completion.</summary>
    public bool Trace { get; init; }

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--connection" => options with { Connection = Value() },
                "--database" => options with { Database = Value() },
                "--workers" => options with { Workers = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)] },
                "--seconds" => options with { Measure = TimeSpan.FromSeconds(Number(Value())) },
                "--warm-up" => options with { WarmUp = TimeSpan.FromSeconds(Number(Value())) },
                "--tasks-per-workflow" => options with { TasksPerWorkflow = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--pgbench" => options with { PgbenchPath = Value() },
                "--pgbench-seconds" => options with { PgbenchDuration = TimeSpan.FromSeconds(Number(Value())) },
                "--postmaster-pid-file" => options with { PostmasterPidFile = Value() },
                "--trace" => options with { Trace = true },
                var other => throw new ArgumentException($"unknown argument {other}"),
            };
        }
        if (options.Workers.Count == 0 || options.Workers.Any(w => w < 1)) throw new ArgumentException("--workers needs counts of 1 or more");
        if (options.TasksPerWorkflow is < 1 or > 200) throw new ArgumentException("--tasks-per-workflow must be 1–200");
        return options;
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
