using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Health;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Health;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Strategies.Swap;

/// <summary>
/// The <c>swap</c> strategy, one phase per call: attach green to the target groups → wait until
/// green is healthy in all of them → detach blue → wait drainSeconds → done. Blue is detached only
/// once green serves, so the target groups never have zero healthy targets; blue's capacity is
/// never touched (rollback re-attaches it as it is). Each phase looks before it writes, so a
/// retried call repeats nothing. A watched alarm in ALARM at any phase → <see cref="AlarmFired"/>.
/// </summary>
public sealed class SwapTraffic(IAutoScaling autoScaling, FleetHealthReader fleets, AlarmWatch alarms, TimeProvider time)
{
    public async Task<TrafficShift> AdvanceAsync(Deployment deployment, LiveFleet blue, GreenFleet green, TrafficShift? previous, StepLog log, CancellationToken cancellationToken)
    {
        var settings = deployment.Settings;
        var targetGroups = settings.TargetGroupArns.Count > 0 ? settings.TargetGroupArns : blue.TargetGroupArns;
        var now = time.GetUtcNow();
        var current = previous ?? TrafficShift.Starting(TrafficPhase.Attach, now);
        if (current.Done)
        {
            return current;
        }

        await alarms.ThrowIfAnyInAlarmAsync(settings.Health.AlarmNames, $"while traffic moved to green group {green.GroupName} ({current.Phase})", log, cancellationToken);

        return current.Phase switch
        {
            TrafficPhase.Attach => await AttachGreenAsync(green, targetGroups, now, log, cancellationToken),
            TrafficPhase.AwaitGreenTargets => await AwaitGreenAsync(deployment, blue, green, targetGroups, current, now, log, cancellationToken),
            TrafficPhase.Draining => Drain.Advance(current, settings.BlueAfterCutover.DrainSeconds, now, $"blue {blue.GroupName}", $"green serves all traffic; blue {blue.GroupName} drained", log),
            _ => throw new InvalidOperationException($"ShiftTraffic does not know the swap phase \"{current.Phase}\" in $.traffic.phase."),
        };
    }

    private async Task<TrafficShift> AttachGreenAsync(GreenFleet green, IReadOnlyList<string> targetGroups, DateTimeOffset now, StepLog log, CancellationToken cancellationToken)
    {
        var group = await RequireGroupAsync(green.GroupName, "green", cancellationToken);
        var missing = targetGroups.Except(group.TargetGroupArns, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            await autoScaling.AttachLoadBalancerTargetGroupsAsync(green.GroupName, missing, cancellationToken);
            log.Info("Attached green group {GreenGroup} to target groups {TargetGroups}", green.GroupName, missing);
        }

        return TrafficShift.InPhase(TrafficPhase.AwaitGreenTargets, now, $"green {green.GroupName} attached to {targetGroups.Count} target group(s) beside blue; waiting for its targets to be healthy", BlueTraffic.Serving);
    }

    private async Task<TrafficShift> AwaitGreenAsync(
        Deployment deployment, LiveFleet blue, GreenFleet green, IReadOnlyList<string> targetGroups, TrafficShift current, DateTimeOffset now, StepLog log, CancellationToken cancellationToken)
    {
        var health = deployment.Settings.Health;
        var group = await RequireGroupAsync(green.GroupName, "green", cancellationToken);
        var verdict = HealthRule.Evaluate(await fleets.ReadAsync(group, targetGroups, cancellationToken), targetGroups, group.DesiredCapacity, health.MinHealthyPercent);
        switch (HealthDeadline.Decide(verdict, current.PhaseSince, health.TimeoutSeconds, time))
        {
            case HealthDecision.Wait:
                log.Info("Green group {GreenGroup} is not healthy in the target groups yet: {Summary}", green.GroupName, verdict.Summary);
                return current with { Detail = verdict.Summary };
            case HealthDecision.TimedOut:
                // Blue is still attached and serving: rollback only has to take green away.
                throw verdict.ToError(health.TimeoutSeconds);
        }

        var blueGroup = await fleets.FindGroupAsync(blue.GroupName, cancellationToken);
        List<string> attached = blueGroup is null ? [] : targetGroups.Intersect(blueGroup.TargetGroupArns, StringComparer.Ordinal).ToList();
        if (attached.Count > 0)
        {
            await autoScaling.DetachLoadBalancerTargetGroupsAsync(blue.GroupName, attached, cancellationToken);
            log.Info("Green is healthy ({Summary}); detached blue group {BlueGroup} from {TargetGroups}", verdict.Summary, blue.GroupName, attached);
        }

        return TrafficShift.InPhase(
            TrafficPhase.Draining,
            now,
            $"green serves alone ({verdict.Summary}); blue {blue.GroupName} detached, draining for {deployment.Settings.BlueAfterCutover.DrainSeconds} seconds",
            BlueTraffic.Out);
    }


    private async Task<AutoScalingGroup> RequireGroupAsync(string name, string color, CancellationToken cancellationToken) =>
        (await autoScaling.DescribeAutoScalingGroupsAsync([name], cancellationToken)).SingleOrDefault(g => g.Name == name)
            ?? throw new GreenUnhealthy($"The {color} group {name} does not exist any more, so traffic cannot move to it. Was it deleted by hand?");
}
