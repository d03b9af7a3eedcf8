using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Health;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Strategies.Swap;

/// <summary>
/// <c>swap</c>: green's group joins blue's target groups, and once healthy there blue's leaves them
/// (<see cref="SwapTraffic"/>); rollback attaches blue again before detaching green
/// (<see cref="SwapTrafficRestore"/>). The traffic path is the settings' <c>targetGroupArns</c>, or
/// blue's own target groups when the settings name none.
/// </summary>
public sealed class SwapStrategy : SeparateGroupStrategy
{
    public override DeploymentStrategy Name => DeploymentStrategy.Swap;

    public override Task<TrafficPath?> ReadTrafficPathAsync(Deployment deployment, AutoScalingGroup live, StrategyServices services, StepLog log, CancellationToken cancellationToken)
    {
        TargetGroupPath.Check(deployment, live, log);
        return Task.FromResult<TrafficPath?>(null);
    }

    public override IReadOnlyList<string> TrafficTargets(Deployment deployment, LiveFleet live) => TargetGroupPath.Of(deployment, live);

    public override string PlanTraffic(Deployment deployment, LiveFleet live, IReadOnlyList<string> targets, TrafficPlan traffic) =>
        $"Traffic (swap): green joins {Wording.Join(targets)}, and once healthy there blue leaves them (connections drain).";

    public override Task<TrafficShift> AdvanceAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken)
    {
        var aws = services.Aws;
        return new SwapTraffic(aws.AutoScaling, new FleetHealthReader(aws.AutoScaling, aws.LoadBalancing), new AlarmWatch(aws.CloudWatch), services.Time)
            .AdvanceAsync(state.Deployment, Live(state, "ShiftTraffic"), Green(state, "ShiftTraffic"), state.Traffic, log, cancellationToken);
    }

    public override async Task<bool> RestoreTrafficAsync(RollbackScene scene, AutoScalingGroup blue, CancellationToken cancellationToken)
    {
        var targetGroups = scene.State.Deployment.Settings.TargetGroupArns.Union(Live(scene.State, "RollBack").TargetGroupArns, StringComparer.Ordinal).ToList();
        await new SwapTrafficRestore(scene.Services.Aws.AutoScaling).RestoreAsync(blue, scene.Green, targetGroups, scene.Report, cancellationToken);
        return true;
    }

    public override string RestoreTrafficStep(WorkflowState state, LiveFleet live, string green)
    {
        var targetGroups = state.Deployment.Settings.TargetGroupArns.Union(live.TargetGroupArns, StringComparer.Ordinal).ToList();
        return $"Make sure Auto Scaling group {live.GroupName} is attached to {string.Join(", ", targetGroups)} with healthy targets, then detach {green} from them.";
    }
}
