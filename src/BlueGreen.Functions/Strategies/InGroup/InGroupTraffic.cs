using BlueGreen.Aws.Ec2;
using BlueGreen.Aws.LoadBalancing;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Health;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Health;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Strategies.InGroup;

/// <summary>
/// The <c>in-group</c> strategy, one phase per call. The new-version instances already serve (the
/// group registered them as they launched); the old ones are taken out of the target groups once
/// the new ones are healthy there → wait drainSeconds → done. The old instances stay InService in
/// the group, so rollback only registers them again; RetireBlue terminates them. Each phase looks
/// before it writes. A watched alarm in ALARM at any phase → <see cref="AlarmFired"/>.
/// </summary>
public sealed class InGroupTraffic(ILoadBalancing loadBalancing, IEc2 ec2, FleetHealthReader fleets, AlarmWatch alarms, TimeProvider time)
{
    public async Task<TrafficShift> AdvanceAsync(Deployment deployment, GreenFleet green, TrafficShift? previous, StepLog log, CancellationToken cancellationToken)
    {
        var before = green.Before ?? throw new InvalidOperationException("In-group ShiftTraffic needs $.green.before, ProvisionGreen's record of the group.");
        var now = time.GetUtcNow();
        var current = previous ?? TrafficShift.Starting(TrafficPhase.TakeOldOut, now);
        if (current.Done)
        {
            return current;
        }

        await alarms.ThrowIfAnyInAlarmAsync(deployment.Settings.Health.AlarmNames, $"while group {green.GroupName} moved to its new instances ({current.Phase})", log, cancellationToken);
        return current.Phase switch
        {
            TrafficPhase.TakeOldOut => await TakeOldOutAsync(deployment, green, before, current, now, log, cancellationToken),
            TrafficPhase.Draining => Drain.Advance(current, deployment.Settings.BlueAfterCutover.DrainSeconds, now, $"old instances of {green.GroupName}",
                $"the new instances of {green.GroupName} serve all traffic; the old ones drained", log),
            _ => throw new InvalidOperationException($"ShiftTraffic does not know the in-group phase \"{current.Phase}\" in $.traffic.phase."),
        };
    }

    private async Task<TrafficShift> TakeOldOutAsync(
        Deployment deployment, GreenFleet green, GroupBefore before, TrafficShift current, DateTimeOffset now, StepLog log, CancellationToken cancellationToken)
    {
        var health = deployment.Settings.Health;
        var group = await fleets.FindGroupAsync(green.GroupName, cancellationToken)
            ?? throw new GreenUnhealthy($"Group {green.GroupName} does not exist any more, so traffic cannot move to its new instances. Was it deleted by hand?");
        var fleet = await InGroupFleet.SplitAsync(group, ec2, deployment.ImageId, before.InstanceIds, cancellationToken);
        var targetGroups = deployment.Settings.TargetGroupArns.Count > 0 ? deployment.Settings.TargetGroupArns : group.TargetGroupArns;
        var verdict = HealthRule.Evaluate(await fleets.ReadAsync(group with { Instances = fleet.New }, targetGroups, cancellationToken), targetGroups, before.DesiredCapacity, health.MinHealthyPercent);
        switch (HealthDeadline.Decide(verdict, current.PhaseSince, health.TimeoutSeconds, time))
        {
            case HealthDecision.Wait:
                log.Info("New instances of {Group} are not healthy in the target groups yet: {Summary}", green.GroupName, verdict.Summary);
                return current with { Detail = verdict.Summary };
            case HealthDecision.TimedOut:
                // The old instances still serve: rollback only has to take the new ones away.
                throw verdict.ToError(health.TimeoutSeconds);
        }

        var old = fleet.Old.Select(i => i.InstanceId).ToHashSet(StringComparer.Ordinal);
        foreach (var arn in targetGroups)
        {
            var registered = (await loadBalancing.DescribeTargetHealthAsync(arn, cancellationToken))
                .Where(t => old.Contains(t.TargetId) && t.State is not ("draining" or "unused"))
                .Select(t => new Target(t.TargetId, t.Port))
                .ToList();
            if (registered.Count > 0)
            {
                await loadBalancing.DeregisterTargetsAsync(arn, registered, cancellationToken);
                log.Info("Took old instances {InstanceIds} of {Group} out of target group {TargetGroup}", registered.Select(t => t.Id), green.GroupName, arn);
            }
        }

        return TrafficShift.InPhase(
            TrafficPhase.Draining,
            now,
            $"new instances serve alone ({verdict.Summary}); {old.Count} old instance(s) of {green.GroupName} deregistered, draining for {deployment.Settings.BlueAfterCutover.DrainSeconds} seconds",
            BlueTraffic.Out);
    }

}
