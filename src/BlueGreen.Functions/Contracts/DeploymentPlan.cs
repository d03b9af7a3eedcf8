using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Functions.Contracts;

/// <summary>
/// What a deployment would do, returned by a dry run as the execution's output: the same facts in
/// words (<see cref="Summary"/>, one sentence per step) and as data. Nothing was written to make it
/// (<see cref="Writes"/> is always 0).
/// </summary>
/// <param name="GreenGroup">The new group; for <c>in-group</c>, blue's own group.</param>
/// <param name="TrafficTargetGroupArns">Where traffic moves to green.</param>
/// <param name="CodeDeploy">The CodeDeploy application and deployment group, when it runs.</param>
public sealed record DeploymentPlan(
    string DeploymentId,
    string Application,
    string ImageId,
    string LiveGroup,
    bool LiveGroupAdopted,
    string GreenGroup,
    PlannedLaunchTemplate LaunchTemplate,
    PlannedCapacity Capacity,
    IReadOnlyList<string> SubnetIds,
    DeploymentStrategy Strategy,
    IReadOnlyList<string> TrafficTargetGroupArns,
    TrafficPlan Traffic,
    BlueAfterCutover BlueAfterCutover,
    string? CodeDeploy,
    bool ApprovalRequired,
    IReadOnlyList<string> Summary)
{
    public const string DryRunOutcome = "DryRun";

    /// <summary>Always <c>"DryRun"</c>, beside a real run's <c>"Promoted"</c>.</summary>
    public string Outcome { get; init; } = DryRunOutcome;

    /// <summary>AWS writes made to plan: always 0.</summary>
    public int Writes { get; init; }
}
