using BlueGreen.Aws.StepFunctions;

namespace BlueGreen.Cli.Inspection;

/// <summary>
/// One execution of the stack's state machine as <c>bluegreen history</c> and <c>status</c> show
/// it: whose it is, when, which image, and how it ended (<see cref="Watching.DeploymentEnding"/>, the words <c>deploy</c> and <c>watch</c> end with).
/// </summary>
/// <param name="Application">Null when neither its input nor its output says (e.g. an image event whose AMI is no longer tagged).</param>
/// <param name="Outcome">Promoted, RolledBack, RollbackFailed, Refused, Ignored, DryRun,
/// CleanedUp (and the other cleanup outcomes), Stopped, TimedOut or Running.</param>
/// <param name="Error">The error name of a FAILED or ABORTED execution.</param>
/// <param name="Message">The failure cause's message in words, or why it was ignored.</param>
/// <param name="LiveGroup">The group live after it, when the execution says.</param>
internal sealed record DeploymentRecord(
    string ExecutionArn,
    string ExecutionName,
    string? Application,
    ExecutionStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    string? ImageId,
    string? Strategy,
    string Outcome,
    string? Error,
    string? Message,
    string? LiveGroup)
{
    /// <summary>Stopped minus started; for a running one, until <paramref name="now"/>.</summary>
    public TimeSpan? Duration(DateTimeOffset now) =>
        StartedAt is { } start ? (StoppedAt ?? (Status == ExecutionStatus.Running ? now : start)) - start : null;
}
