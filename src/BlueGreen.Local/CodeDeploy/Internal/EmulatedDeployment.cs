using System.Text.Json;

namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>
/// One deployment, immutable. Its status is not stored but computed from the clock, so nothing
/// has to run in the background: Created until StartTime, InProgress until EndTime, then
/// Succeeded or the planned failure; a stop before EndTime freezes it as Stopped.
/// </summary>
internal sealed record EmulatedDeployment
{
    public required string Id { get; init; }

    public required string Region { get; init; }

    public required string ApplicationName { get; init; }

    public required string DeploymentGroupName { get; init; }

    public required string DeploymentConfigName { get; init; }

    public required JsonElement Revision { get; init; }

    public JsonElement? PreviousRevision { get; init; }

    /// <summary>The CreateDeployment body, for the fields only echoed back (description, …).</summary>
    public required JsonElement Request { get; init; }

    public string Creator { get; init; } = "user";

    public required IReadOnlyList<string> InstanceIds { get; init; }

    public required DateTimeOffset CreateTime { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public required DateTimeOffset EndTime { get; init; }

    /// <summary>Null: the deployment succeeds at EndTime.</summary>
    public ErrorInformation? PlannedFailure { get; init; }

    public DateTimeOffset? StoppedAt { get; init; }

    public RollbackInfo? Rollback { get; init; }

    public string StatusAt(DateTimeOffset now) =>
        StoppedAt is not null ? DeploymentStatus.Stopped
        : now < StartTime ? DeploymentStatus.Created
        : now < EndTime ? DeploymentStatus.InProgress
        : PlannedFailure is null ? DeploymentStatus.Succeeded
        : DeploymentStatus.Failed;

    public DateTimeOffset? StartedAt(DateTimeOffset now) => (StoppedAt ?? now) >= StartTime ? StartTime : null;

    public DateTimeOffset? CompletedAt(DateTimeOffset now) => StoppedAt ?? (now >= EndTime ? EndTime : null);

    public ErrorInformation? ErrorAt(DateTimeOffset now) => StatusAt(now) switch
    {
        DeploymentStatus.Stopped => ErrorInformation.ManualStop(),
        DeploymentStatus.Failed => PlannedFailure,
        _ => null,
    };
}
