using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Health;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Health;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Provisioning;
using BlueGreen.Functions.Promotion;
using BlueGreen.Functions.Rollback;
using BlueGreen.Functions.Strategies.Weights;

namespace BlueGreen.Functions.Strategies;

/// <summary>
/// What swap, weighted and dns share: green is a group of its own (where, the settings'
/// <see cref="GreenPlacement"/> decides), promotion moves the live tag from blue's group to
/// green's, and blue's group is retired after the wait. A subclass says how traffic moves.
/// </summary>
public abstract class SeparateGroupStrategy : IStrategy
{
    public abstract DeploymentStrategy Name { get; }

    public Task<(AutoScalingGroup Group, bool Adopted)> FindLiveGroupAsync(Deployment deployment, StrategyServices services, CancellationToken cancellationToken) =>
        GreenPlacement.Of(deployment.Settings).FindLiveGroupAsync(deployment, services, cancellationToken);

    public abstract Task<TrafficPath?> ReadTrafficPathAsync(Deployment deployment, AutoScalingGroup live, StrategyServices services, StepLog log, CancellationToken cancellationToken);

    public virtual IWeightPath? WeightPath(Deployment deployment, StrategyServices services) => null;

    public string GreenGroupName(Deployment deployment, LiveFleet live) =>
        GreenPlacement.Of(deployment.Settings).GreenGroupName(deployment, live.GroupName);

    public abstract IReadOnlyList<string> TrafficTargets(Deployment deployment, LiveFleet live);

    public IReadOnlyList<string> PlanGreen(Deployment deployment, LiveFleet live, PlannedLaunchTemplate template, PlannedCapacity capacity) =>
        GreenPlacement.Of(deployment.Settings).PlanGreen(deployment, live, template, capacity);

    public abstract string PlanTraffic(Deployment deployment, LiveFleet live, IReadOnlyList<string> targets, TrafficPlan traffic);

    public string PlanAfterCutover(Deployment deployment, LiveFleet live) =>
        GreenPlacement.Of(deployment.Settings).PlanAfterCutover(deployment, live);

    public Task<GreenFleet> ProvisionAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken) =>
        GreenPlacement.Of(state.Deployment.Settings).ProvisionAsync(state, services, log, cancellationToken);

    /// <summary>Every instance of green's group counts.</summary>
    public Task<InServiceCount> CountGreenInServiceAsync(WorkflowState state, StrategyServices services, CancellationToken cancellationToken) =>
        GreenInServiceCheck.CountGroupAsync(services.Aws.AutoScaling, Green(state, "CheckGreenInService").GroupName, cancellationToken);

    /// <summary>Green's instances healthy in their group (they join the traffic path in ShiftTraffic).</summary>
    public Task<HealthVerdict> GreenHealthAsync(Deployment deployment, GreenFleet green, AutoScalingGroup group, FleetHealthReader fleets, StrategyServices services, CancellationToken cancellationToken) =>
        GreenHealthCheck.WholeGroupAsync(deployment, group, fleets, cancellationToken);

    public abstract Task<TrafficShift> AdvanceAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken);

    /// <summary>Green serving alone once blue is out; a subclass that moves in steps says more.</summary>
    public virtual TrafficSplit? TrafficMoved(Deployment deployment, TrafficShift? before, TrafficShift after) =>
        after.BlueDetached && before?.BlueDetached != true ? new TrafficSplit(100, 0) : null;

    public Task<Promoted> PromoteAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken) =>
        new GreenPromotion(services.Aws.AutoScaling, services.Aws.Ec2, services.Time)
            .PromoteAsync(state.Deployment, Live(state, "PromoteGreen"), Green(state, "PromoteGreen"), log, cancellationToken);

    public Task<BlueRetirement> RetireAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken) =>
        GreenPlacement.Of(state.Deployment.Settings).RetireAsync(state, Live(state, "RetireBlue"), services, log, cancellationToken);

    /// <summary>Green's group is live now; blue's was retired.</summary>
    public (string LiveGroup, string? RetiredGroup) Outcome(WorkflowState state) =>
        (state.Green?.GroupName ?? state.Deployment.Names.GreenGroup, state.Live?.GroupName ?? state.Deployment.Settings.LiveGroup);

    public string NotRetired(WorkflowState state, OriginalFailure why) =>
        GreenPlacement.Of(state.Deployment.Settings).NotRetired(state, why);

    public string RollbackGreenName(Deployment deployment, string? blueName) =>
        GreenPlacement.Of(deployment.Settings).GreenGroupName(deployment, blueName);

    public abstract Task<bool> RestoreTrafficAsync(RollbackScene scene, AutoScalingGroup blue, CancellationToken cancellationToken);

    public Task RemoveGreenAsync(RollbackScene scene, CancellationToken cancellationToken) =>
        GreenPlacement.Of(scene.State.Deployment.Settings).RemoveGreenAsync(scene, cancellationToken);

    public abstract string RestoreTrafficStep(WorkflowState state, LiveFleet live, string green);

    public string RemoveGreenStep(WorkflowState state, string green) =>
        GreenPlacement.Of(state.Deployment.Settings).RemoveGreenStep(state, green);

    /// <summary>$.live, or why the step cannot run without it.</summary>
    protected static LiveFleet Live(WorkflowState state, string step) =>
        state.Live ?? throw new InvalidOperationException($"{step} needs $.live, DescribeLive's result.");

    /// <summary>$.green, or why the step cannot run without it.</summary>
    protected static GreenFleet Green(WorkflowState state, string step) =>
        state.Green ?? throw new InvalidOperationException($"{step} needs $.green, ProvisionGreen's result.");
}
