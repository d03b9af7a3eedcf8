using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Rollback;

/// <summary>What one RollBack run changed, logged as it happens.</summary>
public sealed class RollbackReport(StepLog log)
{
    private readonly List<string> _done = [];

    public IReadOnlyList<string> Actions => _done;

    public void Done(string action)
    {
        _done.Add(action);
        log.Info("Rollback: {Action}", action);
    }
}
