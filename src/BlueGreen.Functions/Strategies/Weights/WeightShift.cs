using BlueGreen.Core.Errors;
using BlueGreen.Core.Health;
using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Health;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Strategies.Weights;

/// <summary>
/// The <c>weighted</c> and <c>dns</c> strategies, one phase per call: the idle target group serves
/// only green → green registered and healthy there (no weight above 0 before) → for each traffic
/// step one write of both weights, (dns: until INSYNC,) then its bake → after 100 %: drainSeconds
/// (dns: plus the record's TTL) → done. Blue keeps its group at weight 0; RetireBlue takes it away.
/// Every call checks the watched alarms first (in ALARM → <see cref="AlarmFired"/>) and looks at
/// the weights before it writes, so a retried call writes nothing twice.
/// </summary>
public sealed class WeightShift(IWeightPath path, IdleGroupTakeover takeover, FleetHealthReader fleets, AlarmWatch alarms, TimeProvider time)
{
    /// <summary>While baking, how often the alarms are looked at.</summary>
    public const int MaxWaitSeconds = Drain.MaxWaitSeconds;

    public async Task<TrafficShift> AdvanceAsync(Deployment deployment, LiveFleet blue, GreenFleet green, TrafficShift? previous, StepLog log, CancellationToken cancellationToken)
    {
        var pair = blue.TrafficPath ?? throw new InvalidOperationException("ShiftTraffic needs $.live.trafficPath, which DescribeLive sets for the weighted and dns strategies.");
        var now = time.GetUtcNow();
        var current = previous ?? TrafficShift.Starting(TrafficPhase.ServeOnlyGreen, now);
        if (current.Done)
        {
            return current;
        }

        await alarms.ThrowIfAnyInAlarmAsync(deployment.Settings.Health.AlarmNames, $"while traffic moved to green group {green.GroupName} ({current.Phase})", log, cancellationToken);
        var plan = TrafficPlan.For(deployment.Settings);
        var shift = new Shift(deployment, blue, green, pair, plan, now, log);
        return current.Phase switch
        {
            TrafficPhase.ServeOnlyGreen => await ServeOnlyGreenAsync(shift, cancellationToken),
            TrafficPhase.AwaitGreenTargets => await AwaitGreenAsync(shift, current, cancellationToken),
            TrafficPhase.AwaitInSync => await AwaitInSyncAsync(shift, current, cancellationToken),
            TrafficPhase.Bake => await BakeAsync(shift, current, cancellationToken),
            TrafficPhase.Draining => await DrainAsync(shift, current, cancellationToken),
            _ => throw new InvalidOperationException($"ShiftTraffic does not know the {deployment.Strategy} phase \"{current.Phase}\" in $.traffic.phase."),
        };
    }

    private async Task<TrafficShift> ServeOnlyGreenAsync(Shift shift, CancellationToken cancellationToken)
    {
        var weights = await path.ReadAsync(shift.Pair, cancellationToken);
        if (weights.Green > 0 || weights.Blue == 0)
        {
            // Someone moved the weights since DescribeLive: the group green would take is not idle.
            throw new InvalidRequest(
                "$.live.trafficPath",
                $"{path.Name} now weighs blue's {shift.Pair.LiveTargetGroupArn} {weights.Blue} and the idle {shift.Pair.IdleTargetGroupArn} {weights.Green}, so the idle half changed since the deployment looked",
                "leave the weights alone while a deployment runs, set them back (live above 0, idle 0) and deploy again");
        }

        await takeover.TakeOverAsync(shift.Deployment, shift.Blue, shift.Green, shift.Pair.IdleTargetGroupArn, shift.Log, cancellationToken);
        return TrafficShift.InPhase(TrafficPhase.AwaitGreenTargets, shift.Now,
            $"green {shift.Green.GroupName} alone in idle target group {shift.Pair.IdleTargetGroupArn} (weight 0); waiting for its targets to be healthy", BlueTraffic.Serving);
    }

    private async Task<TrafficShift> AwaitGreenAsync(Shift shift, TrafficShift current, CancellationToken cancellationToken)
    {
        var health = shift.Deployment.Settings.Health;
        var targetGroups = new[] { shift.Pair.IdleTargetGroupArn };
        var group = await fleets.FindGroupAsync(shift.Green.GroupName, cancellationToken)
            ?? throw new GreenUnhealthy($"The green group {shift.Green.GroupName} does not exist any more, so traffic cannot move to it. Was it deleted by hand?");
        var verdict = HealthRule.Evaluate(await fleets.ReadAsync(group, targetGroups, cancellationToken), targetGroups, group.DesiredCapacity, health.MinHealthyPercent);
        switch (HealthDeadline.Decide(verdict, current.PhaseSince, health.TimeoutSeconds, time))
        {
            case HealthDecision.Wait:
                shift.Log.Info("Green group {GreenGroup} is not healthy in the idle target group yet: {Summary}", shift.Green.GroupName, verdict.Summary);
                return current with { Detail = verdict.Summary, WaitSeconds = TrafficShift.DefaultWaitSeconds };
            case HealthDecision.TimedOut:
                // Green never had weight: rollback only has to take it away.
                throw verdict.ToError(health.TimeoutSeconds);
        }

        shift.Log.Info("Green is healthy in the idle target group ({Summary}); first weights next", verdict.Summary);
        return await WriteStepAsync(shift, shift.Plan.Steps[0], cancellationToken);
    }

    private async Task<TrafficShift> WriteStepAsync(Shift shift, TrafficStep step, CancellationToken cancellationToken)
    {
        var wanted = TrafficWeights.ForGreen(step.GreenWeight);
        var now = await path.ReadAsync(shift.Pair, cancellationToken);
        if (now == wanted)
        {
            return Baking(shift, step, shift.Now);
        }

        var change = await path.WriteAsync(shift.Pair, wanted, cancellationToken);
        shift.Log.Info("Weights on {TrafficPath}: blue {BlueWeight}, green {GreenWeight} (step {Step} of {Steps})", path.Name, wanted.Blue, wanted.Green, step.Index + 1, shift.Plan.Steps.Count);
        return change is null
            ? Baking(shift, step, shift.Now)
            : TrafficShift.InPhase(TrafficPhase.AwaitInSync, shift.Now, $"green {wanted.Green} %, blue {wanted.Blue} %; waiting for change {change} to be INSYNC", BlueAt(step),
                TrafficShift.DefaultWaitSeconds, step.Index, change);
    }

    private async Task<TrafficShift> AwaitInSyncAsync(Shift shift, TrafficShift current, CancellationToken cancellationToken)
    {
        var step = shift.Plan.Steps[current.StepIndex ?? 0];
        if (current.ChangeId is { } change && !await path.InSyncAsync(change, cancellationToken))
        {
            return current with { Detail = $"change {change} is not INSYNC yet", WaitSeconds = TrafficShift.DefaultWaitSeconds };
        }

        return Baking(shift, step, shift.Now);
    }

    private async Task<TrafficShift> BakeAsync(Shift shift, TrafficShift current, CancellationToken cancellationToken)
    {
        var step = shift.Plan.Steps[current.StepIndex ?? 0];
        var remaining = Remaining(current.PhaseSince, step.BakeSeconds, shift.Now);
        if (remaining > 0)
        {
            return Baking(shift, step, current.PhaseSince);
        }

        if (shift.Plan.After(step.Index) is { } next)
        {
            return await WriteStepAsync(shift, next, cancellationToken);
        }

        var drain = await DrainSecondsAsync(shift, cancellationToken);
        shift.Log.Info("Green has all traffic; blue drains for {DrainSeconds} seconds", drain);
        return Drain.Begin(shift.Now, drain, $"green has all traffic; blue {shift.Blue.GroupName} drains for {drain} seconds", step.Index);
    }

    private async Task<TrafficShift> DrainAsync(Shift shift, TrafficShift current, CancellationToken cancellationToken) =>
        Drain.Advance(current, await DrainSecondsAsync(shift, cancellationToken), shift.Now, $"blue {shift.Blue.GroupName}",
            $"green serves all traffic through {path.Name}; blue {shift.Blue.GroupName} at weight 0", shift.Log);

    private static TrafficShift Baking(Shift shift, TrafficStep step, DateTimeOffset since)
    {
        var remaining = Remaining(since, step.BakeSeconds, shift.Now);
        return TrafficShift.InPhase(TrafficPhase.Bake, since,
            $"green {step.GreenWeight} %, blue {step.BlueWeight} % (step {step.Index + 1} of {shift.Plan.Steps.Count}); baking {remaining} more seconds",
            BlueAt(step), Math.Min(remaining, MaxWaitSeconds), step.Index);
    }

    /// <summary>The last step gives green 100 %: blue is out from then on.</summary>
    private static BlueTraffic BlueAt(TrafficStep step) => step.IsLast ? BlueTraffic.Out : BlueTraffic.Serving;

    private async Task<int> DrainSecondsAsync(Shift shift, CancellationToken cancellationToken) =>
        shift.Deployment.Settings.BlueAfterCutover.DrainSeconds + await path.LingerSecondsAsync(shift.Pair, cancellationToken);

    private static int Remaining(DateTimeOffset since, int seconds, DateTimeOffset now) =>
        Math.Max(0, (int)Math.Ceiling((since.AddSeconds(seconds) - now).TotalSeconds));

    private sealed record Shift(Deployment Deployment, LiveFleet Blue, GreenFleet Green, TrafficPath Pair, TrafficPlan Plan, DateTimeOffset Now, StepLog Log);
}
