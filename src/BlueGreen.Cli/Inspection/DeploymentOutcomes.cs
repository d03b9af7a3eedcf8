using System.Text.Json.Nodes;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Core.Outputs;

namespace BlueGreen.Cli.Inspection;

/// <summary>
/// How an execution ended, in one word: a SUCCEEDED execution's own <c>outcome</c> (Promoted,
/// Ignored, DryRun, CleanedUp, LockReleased, NothingToCleanUp…); a FAILED one is RollbackFailed,
/// RolledBack (its cause says blue was restored), Refused (one of the errors raised before any
/// write, nothing changed) or Failed; ABORTED is Aborted (its cleanup is an execution of its own),
/// TIMED_OUT TimedOut, RUNNING InProgress.
/// </summary>
internal static class DeploymentOutcomes
{
    public const string InProgress = nameof(InProgress);
    public const string RolledBack = nameof(RolledBack);
    public const string RollbackFailed = nameof(RollbackFailed);
    public const string Refused = nameof(Refused);
    public const string Failed = nameof(Failed);
    public const string Aborted = nameof(Aborted);
    public const string TimedOut = nameof(TimedOut);

    /// <summary>Errors NormalizeRequest and AcquireLock raise before the deployment writes anything.</summary>
    private static readonly HashSet<string> BeforeAnyWrite = new(StringComparer.Ordinal)
    {
        "InvalidRequest", "ImageNotAllowed", "DeploymentLocked",
    };

    public static string Of(Execution execution, JsonObject? output, FailureCause? cause) => execution.Status switch
    {
        ExecutionStatus.Running => InProgress,
        ExecutionStatus.Succeeded => output?["outcome"] is JsonValue value && value.TryGetValue<string>(out var outcome) ? outcome : DeploymentOutcome.Promoted,
        ExecutionStatus.Failed when execution.Error == RollbackFailed => RollbackFailed,
        ExecutionStatus.Failed when cause is { RolledBack: true } => RolledBack,
        ExecutionStatus.Failed when execution.Error is { } error && BeforeAnyWrite.Contains(error) => Refused,
        ExecutionStatus.Failed => Failed,
        ExecutionStatus.Aborted => Aborted,
        ExecutionStatus.TimedOut => TimedOut,
        _ => execution.Status.ToString(),
    };
}
