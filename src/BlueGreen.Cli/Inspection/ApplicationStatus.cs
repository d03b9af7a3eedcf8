namespace BlueGreen.Cli.Inspection;

/// <summary>One application as <c>bluegreen status</c> shows it (JSON shape in docs/cli.md, "status").</summary>
/// <param name="SettingsParameter">The SSM parameter, or null when only tagged groups know the application.</param>
/// <param name="Live">Null when the live group cannot be told (<see cref="Problem"/> says why).</param>
/// <param name="Problem">Why the live group or traffic could not be read, as the workflow would refuse it.</param>
internal sealed record ApplicationStatus(
    string Application,
    string? SettingsParameter,
    string Strategy,
    LiveGroupStatus? Live,
    TrafficStatus? Traffic,
    StatusProblem? Problem,
    InFlightDeployment? Deployment,
    DeploymentRecord? LastOutcome);

/// <param name="Adopted">Found through the settings' <c>liveGroup</c> because no group is tagged live yet.</param>
/// <param name="LaunchTemplate">"lt-…:3" (the version the group launches, resolved to a number), or null.</param>
/// <param name="InService">Instances InService in the group.</param>
internal sealed record LiveGroupStatus(
    string Name,
    bool Adopted,
    string? ImageId,
    string? LaunchTemplate,
    string? LaunchConfiguration,
    int Desired,
    int Min,
    int Max,
    int InService);

/// <param name="Path">Where the split is read: "listener arn:…", "records … in zone …", or "target groups arn:…".</param>
internal sealed record TrafficStatus(string Path, IReadOnlyList<TrafficSide> Sides)
{
    /// <summary>The share of traffic on the live group's side.</summary>
    public int LivePercent => Sides.Where(s => s.Live).Sum(s => s.Percent);
}

/// <param name="Target">The target group ARN (weighted, swap) or record set identifier (dns).</param>
/// <param name="Group">The application's group serving through it, when one does.</param>
/// <param name="Weight">The weight as written (weighted, dns); null for swap and in-group, where the
/// share is the group's part of the InService instances behind the target groups.</param>
internal sealed record TrafficSide(string Target, string? Group, bool Live, int? Weight, int Percent);

internal sealed record StatusProblem(string Error, string Message);

/// <param name="Since">When it took the lock.</param>
/// <param name="Status">The execution's status (RUNNING, or how a holder that no longer runs ended).</param>
/// <param name="State">The state it is in (the latest state entered), e.g. AwaitApproval.</param>
/// <param name="CleanupBy">The cleanup execution that owns the lock of a stopped holder.</param>
internal sealed record InFlightDeployment(
    string ExecutionArn,
    string? DeploymentId,
    string? ImageId,
    DateTimeOffset Since,
    string Status,
    string? State,
    DateTimeOffset? StateSince,
    string? CleanupBy);
