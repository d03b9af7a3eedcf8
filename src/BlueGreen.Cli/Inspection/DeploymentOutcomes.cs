using System.Text.Json.Nodes;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Cli.Watching;

namespace BlueGreen.Cli.Inspection;

/// <summary>
/// How an execution ended, in one word, as <c>deploy</c> and <c>watch</c> say it
/// (<see cref="DeploymentEnding"/>: Refused, RolledBack, RollbackFailed by the Fail state it ended
/// in; Stopped, TimedOut, Running), except that a SUCCEEDED execution says its own <c>outcome</c>,
/// so a cleanup's CleanedUp (or LockReleased, NothingToCleanUp…) is not mistaken for a dry run.
/// </summary>
internal static class DeploymentOutcomes
{
    /// <param name="history">For a FAILED execution, its latest events (the Fail state it entered); else empty.</param>
    public static string Of(Execution execution, JsonObject? output, IReadOnlyList<HistoryEvent> history) =>
        execution.Status == ExecutionStatus.Succeeded && output?["outcome"] is JsonValue value && value.TryGetValue<string>(out var outcome)
            ? outcome
            : DeploymentEnding.From(execution, history).Outcome;
}
