using System.Globalization;

namespace Shizhu.Benchmarks.Scale;

/// <summary>
/// The scale benchmarks of issue 16 (items 3–5), each a mode of the benchmark program chosen by its first flag, which
/// run.sh passes on: <c>--timers [sizes]</c>, <c>--startup [runs]</c>, <c>--replay [units]</c>. The completions
/// benchmark stays the program's default.
/// </summary>
internal static class ScaleCommands
{
    public static readonly string[] Modes = ["--timers", "--startup", "--replay"];

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        int[] Numbers(string? text, int[] otherwise) =>
            text is null ? otherwise : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, NumberStyles.AllowThousands, CultureInfo.InvariantCulture))];
        var connection = Option("--connection") ?? "Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres";
        return args[0] switch
        {
            "--timers" => await TimerBenchmark.RunAsync(connection, Numbers(Option("--timers"), [1_000, 10_000, 100_000]),
                Numbers(Option("--sweepers"), [1, 2]), ct),
            "--startup" => await StartupBenchmark.RunAsync(connection, Numbers(Option("--startup"), [10])[0], Option("--published"), ct),
            "--replay" => await NationalReplay.RunAsync(connection, Numbers(Option("--replay"), [1_000])[0],
                Numbers(Option("--workers"), [8])[0], args.Contains("--read-each-task"), ct),
            var mode => throw new ArgumentException($"{mode} is not a benchmark mode"),
        };
    }
}
