using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Health;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Provisioning;

namespace BlueGreen.Functions.Health;

/// <summary>
/// One check of the CheckGreenHealth loop: no watched alarm in ALARM (else <see cref="AlarmFired"/>
/// at once), and at least minHealthyPercent of green's desired instances InService and Healthy in
/// the group. Green is in no target group yet (swap attaches it while shifting traffic), so target
/// health is judged there, not here — except in-group, whose new instances already serve. Out of time → <see cref="GreenUnhealthy"/> with every
/// unhealthy instance and why. Reads only.
/// </summary>
public sealed class GreenHealthCheck(FleetHealthReader fleets, AlarmWatch alarms, IEc2 ec2, TimeProvider time)
{
    public async Task<Progress> CheckAsync(Deployment deployment, GreenFleet green, Progress? previous, StepLog log, CancellationToken cancellationToken)
    {
        var health = deployment.Settings.Health;
        var now = time.GetUtcNow();
        // A finished progress belongs to an earlier wait loop (the previous state's): this loop starts now.
        var since = previous is { Done: false } ? previous.Since : now;

        await alarms.ThrowIfAnyInAlarmAsync(health.AlarmNames, $"while green group {green.GroupName} was checked", log, cancellationToken);

        var group = await fleets.FindGroupAsync(green.GroupName, cancellationToken)
            ?? throw new GreenUnhealthy($"Green group {green.GroupName} does not exist any more, so it cannot become healthy. Was it deleted by hand?");
        var verdict = green is { Kind: GreenKind.InGroup, Before: { } before }
            ? await InGroupVerdictAsync(deployment, group, before, cancellationToken)
            : HealthRule.Evaluate(await fleets.ReadAsync(group, [], cancellationToken), [], group.DesiredCapacity, health.MinHealthyPercent);

        switch (HealthDeadline.Decide(verdict, since, health.TimeoutSeconds, time))
        {
            case HealthDecision.Healthy:
                log.Info("Green group {GreenGroup} is healthy: {Summary}", green.GroupName, verdict.Summary);
                return Progress.Finished(since, verdict.Summary);
            case HealthDecision.Wait:
                log.Info("Green group {GreenGroup} is not healthy yet: {Summary}", green.GroupName, verdict.Summary);
                return Progress.Waiting(since, verdict.Summary);
            default:
                throw verdict.ToError(health.TimeoutSeconds);
        }
    }

    /// <summary>In-group: the new-version instances are already in the target groups (the group
    /// registers what it launches), so they must be healthy there too; old ones do not count.</summary>
    private async Task<HealthVerdict> InGroupVerdictAsync(Deployment deployment, AutoScalingGroup group, GroupBefore before, CancellationToken cancellationToken)
    {
        var fleet = await InGroupFleet.SplitAsync(group, ec2, deployment.ImageId, before.InstanceIds, cancellationToken);
        var targetGroups = deployment.Settings.TargetGroupArns.Count > 0 ? deployment.Settings.TargetGroupArns : group.TargetGroupArns;
        var newOnly = fleet.Group with { Instances = fleet.New };
        return HealthRule.Evaluate(await fleets.ReadAsync(newOnly, targetGroups, cancellationToken), targetGroups, before.DesiredCapacity, deployment.Settings.Health.MinHealthyPercent);
    }
}
