using Shizhu.Workflows.Outbox;

namespace Shizhu.Workflows.Tests.Infrastructure;

/// <summary>
/// Stands for the relay's wake-up: records each signal with the number of outbox rows written by then
/// (the engine must signal only after its commit).
/// </summary>
public sealed class RecordingOutboxSignal(Func<int> outboxRowCount) : IOutboxSignal
{
    private readonly List<int> _rowsAtSignal = [];

    public int Count => _rowsAtSignal.Count;

    /// <summary>For each signal, how many outbox rows existed when it was given.</summary>
    public IReadOnlyList<int> RowsAtSignal => _rowsAtSignal;

    public void Notify() => _rowsAtSignal.Add(outboxRowCount());
}
