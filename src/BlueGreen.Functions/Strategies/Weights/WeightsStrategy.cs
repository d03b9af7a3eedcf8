using System.Text.Json.Nodes;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Health;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Strategies.Weights;

/// <summary>
/// What weighted and dns share: a weighted pair (<see cref="IWeightPath"/>) whose idle half green
/// takes; the weights move in the traffic plan's steps (<see cref="WeightShift"/>), and rollback
/// gives blue's half all the weight in one write (<see cref="WeightRestore"/>). A subclass names the
/// pair and words its plan and manual step.
/// </summary>
public abstract class WeightsStrategy : SeparateGroupStrategy
{
    /// <summary>The settings section the pair is read from ("weighted", "dns").</summary>
    protected abstract string SettingsSection { get; }

    public abstract override IWeightPath? WeightPath(Deployment deployment, StrategyServices services);

    /// <summary>The idle half of the pair, and blue really in the live half: otherwise the shift
    /// would move weight away from a target group that blue does not serve.</summary>
    public override async Task<TrafficPath?> ReadTrafficPathAsync(Deployment deployment, AutoScalingGroup live, StrategyServices services, StepLog log, CancellationToken cancellationToken)
    {
        if (WeightPath(deployment, services) is not { } weights)
        {
            return null;
        }

        var path = await weights.FindIdleAsync(cancellationToken);
        if (!live.TargetGroupArns.Contains(path.LiveTargetGroupArn, StringComparer.Ordinal))
        {
            throw new LiveGroupNotFound(
                $"The live group {live.Name} is not attached to {path.LiveTargetGroupArn}, the target group that carries traffic on {weights.Name}. "
                + "Attach the live group to it (aws autoscaling attach-load-balancer-target-groups), or set the weights so its own target group carries traffic.",
                new JsonObject
                {
                    ["liveGroup"] = live.Name,
                    ["liveTargetGroupArn"] = path.LiveTargetGroupArn,
                    ["groupTargetGroupArns"] = new JsonArray(live.TargetGroupArns.Select(m => (JsonNode?)m).ToArray()),
                });
        }

        return path;
    }

    /// <summary>The idle half DescribeLive found by the weights (<see cref="LiveFleet.TrafficPath"/>).</summary>
    public override IReadOnlyList<string> TrafficTargets(Deployment deployment, LiveFleet live) =>
        live.TrafficPath is { } path ? [path.IdleTargetGroupArn] : TargetGroupPath.Of(deployment, live);

    public override Task<TrafficShift> AdvanceAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = state.Deployment;
        var aws = services.Aws;
        var path = WeightPath(deployment, services)
            ?? throw new InvalidRequest($"$.{SettingsSection}", $"is required by the {SettingsSection} strategy", $"add the \"{SettingsSection}\" section to the application's settings");
        return new WeightShift(path, new IdleGroupTakeover(aws.AutoScaling), new FleetHealthReader(aws.AutoScaling, aws.LoadBalancing), new AlarmWatch(aws.CloudWatch), services.Time)
            .AdvanceAsync(deployment, Live(state, "ShiftTraffic"), Green(state, "ShiftTraffic"), state.Traffic, log, cancellationToken);
    }

    /// <summary>A new step of the traffic plan.</summary>
    public override TrafficSplit? TrafficMoved(Deployment deployment, TrafficShift? before, TrafficShift after)
    {
        if (after.StepIndex is not { } index || index == before?.StepIndex)
        {
            return null;
        }

        var plan = TrafficPlan.For(deployment.Settings);
        var step = plan.Steps[index];
        return new TrafficSplit(step.GreenWeight, step.BlueWeight, index + 1, plan.Steps.Count);
    }

    /// <summary>Weights, not groups, moved: one write gives blue everything back.</summary>
    public override async Task<bool> RestoreTrafficAsync(RollbackScene scene, AutoScalingGroup blue, CancellationToken cancellationToken)
    {
        var state = scene.State;
        if (WeightPath(state.Deployment, scene.Services) is { } weights && Live(state, "RollBack").TrafficPath is { } pair)
        {
            await new WeightRestore(weights).RestoreAsync(pair, scene.Report, cancellationToken);
            return true;
        }

        if (state.Traffic is null)
        {
            return true;
        }

        scene.Log.Warn("Rollback does not restore traffic for strategy {Strategy}; check the traffic path by hand", state.Deployment.Strategy);
        return false;
    }

    public override string RestoreTrafficStep(WorkflowState state, LiveFleet live, string green) =>
        live.TrafficPath is { } path && RestoreWeightsStep(state.Deployment, live, path) is { } step
            ? step
            : $"Send all traffic back to {live.GroupName} (strategy {Name.ToString().ToLowerInvariant()}).";

    /// <summary>What <see cref="WeightRestore"/> does, as a step to do by hand; null when the settings lack the pair.</summary>
    protected abstract string? RestoreWeightsStep(Deployment deployment, LiveFleet live, TrafficPath path);
}
