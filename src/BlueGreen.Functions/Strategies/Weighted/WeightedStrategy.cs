using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Strategies.Weights;

namespace BlueGreen.Functions.Strategies.Weighted;

/// <summary>
/// <c>weighted</c>: two target groups on one ALB listener (or rule); green's group gets weight by
/// the traffic plan's steps. The pair is the listener's forward action (<see cref="WeightedForwardPath"/>).
/// </summary>
public sealed class WeightedStrategy : WeightsStrategy
{
    public override DeploymentStrategy Name => DeploymentStrategy.Weighted;

    protected override string SettingsSection => "weighted";

    public override IWeightPath? WeightPath(Deployment deployment, StrategyServices services) =>
        deployment.Settings.Weighted is { } weighted
            ? new WeightedForwardPath(services.Aws.LoadBalancing, weighted, ApplicationSettings.ParameterName(deployment.Application))
            : null;

    public override string PlanTraffic(Deployment deployment, LiveFleet live, IReadOnlyList<string> targets, TrafficPlan traffic) =>
        $"Traffic (weighted): the idle target group {Wording.Join(targets)} (weight 0 now) serves only green and, once green is healthy there, gets weight {Wording.Steps(traffic)}; blue's {live.TrafficPath?.LiveTargetGroupArn} keeps the rest.";

    protected override string? RestoreWeightsStep(Deployment deployment, LiveFleet live, TrafficPath path) =>
        deployment.Settings.Weighted is { } weighted
            ? $"Set the forward action of {(weighted.RuleArn is { } rule ? $"listener rule {rule}" : $"listener {weighted.ListenerArn}")} back to blue: "
                + $"{path.LiveTargetGroupArn} weight 100, {path.IdleTargetGroupArn} weight 0 ({live.GroupName} serves from the first)."
            : null;
}
