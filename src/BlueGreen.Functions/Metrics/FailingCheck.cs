using BlueGreen.Aws.StepFunctions;

namespace BlueGreen.Functions.Metrics;

/// <summary>
/// When a deployment's rollback began, read from its execution's history as the demo reads it: the
/// last task failure before RollBack was entered (a check that failed, an alarm that fired), or, for
/// an execution that was stopped or timed out, the moment it ended.
/// </summary>
public static class FailingCheck
{
    private static readonly HashSet<string> Failures = new(StringComparer.Ordinal)
    {
        "TaskFailed", "TaskTimedOut", "LambdaFunctionFailed", "LambdaFunctionTimedOut", "ExecutionAborted", "ExecutionTimedOut",
    };

    public static DateTimeOffset? At(IReadOnlyList<HistoryEvent> history)
    {
        var rollback = history.LastOrDefault(e => e.StateName == "RollBack" && e.Type.EndsWith("StateEntered", StringComparison.Ordinal));
        return history.LastOrDefault(e => (rollback is null || e.Id < rollback.Id) && Failures.Contains(e.Type))?.Timestamp;
    }
}
