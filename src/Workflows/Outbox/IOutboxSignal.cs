namespace Shizhu.Workflows.Outbox;

/// <summary>Tells the relay that new outbox rows were committed, so events go out without waiting for a poll.</summary>
public interface IOutboxSignal
{
    void Notify();
}
