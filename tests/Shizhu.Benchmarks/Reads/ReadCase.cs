namespace Shizhu.Benchmarks.Reads;

/// <summary>One measured read: a list (or the workflow page) as one role opens it; <paramref name="Run"/> answers the rows it read.</summary>
internal sealed record ReadCase(string Role, string Name, Func<CancellationToken, Task<int>> Run);

/// <summary>Latency percentiles of one case, in milliseconds, with the rows its last run answered.</summary>
internal sealed record ReadResult(ReadCase Case, double P50, double P95, double P99, int Rows)
{
    public static ReadResult From(ReadCase c, List<double> ms, int rows)
    {
        ms.Sort();
        double At(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        return new ReadResult(c, At(0.50), At(0.95), At(0.99), rows);
    }
}
