using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Health;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Discovery;
using BlueGreen.Functions.Health;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Provisioning;
using BlueGreen.Functions.Promotion;
using BlueGreen.Functions.Rollback;
using BlueGreen.Functions.Strategies.NewGroup;
using BlueGreen.Functions.Strategies.Weights;

namespace BlueGreen.Functions.Strategies.InGroup;

/// <summary>
/// <c>in-group</c>: one group. ProvisionGreen expands blue's own group on a launch template of the
/// deployment's own (<see cref="InGroupProvisioner"/>); the new instances join the target groups as
/// they launch, and the old ones are deregistered once the new are healthy (<see cref="InGroupTraffic"/>);
/// RetireBlue terminates the old ones (<see cref="InGroupRetirement"/>); rollback undoes it all on
/// the same group, traffic first (<see cref="InGroupRollback"/>). Green is blue's group
/// (<c>$.green.kind</c> inGroup), so the group stays live and nothing is marked retired.
/// </summary>
public sealed class InGroupStrategy : IStrategy
{
    public DeploymentStrategy Name => DeploymentStrategy.InGroup;

    public Task<(AutoScalingGroup Group, bool Adopted)> FindLiveGroupAsync(Deployment deployment, StrategyServices services, CancellationToken cancellationToken) =>
        new LiveGroupSearch(services.Aws.AutoScaling).FindAsync(deployment.Application, deployment.Settings, cancellationToken);

    public Task<TrafficPath?> ReadTrafficPathAsync(Deployment deployment, AutoScalingGroup live, StrategyServices services, StepLog log, CancellationToken cancellationToken)
    {
        TargetGroupPath.Check(deployment, live, log);
        return Task.FromResult<TrafficPath?>(null);
    }

    public IWeightPath? WeightPath(Deployment deployment, StrategyServices services) => null;

    public string GreenGroupName(Deployment deployment, LiveFleet live) => live.GroupName;

    public IReadOnlyList<string> TrafficTargets(Deployment deployment, LiveFleet live) => TargetGroupPath.Of(deployment, live);

    public IReadOnlyList<string> PlanGreen(Deployment deployment, LiveFleet live, PlannedLaunchTemplate template, PlannedCapacity capacity) =>
    [
        Wording.Template(template),
        $"Group {live.GroupName} would launch from it, growing from {capacity.DesiredCapacity} to {capacity.DesiredCapacity * 2} instances, then shrink back removing the old launch template's instances first.",
    ];

    public string PlanTraffic(Deployment deployment, LiveFleet live, IReadOnlyList<string> targets, TrafficPlan traffic) =>
        $"Traffic (in-group): new instances join {Wording.Join(targets)} in the same group; old ones are removed once the new are healthy.";

    public string PlanAfterCutover(Deployment deployment, LiveFleet live) =>
        $"Afterwards {live.GroupName} keeps serving, on the new launch template version only.";

    public Task<GreenFleet> ProvisionAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken) =>
        new InGroupProvisioner(services.Aws.AutoScaling, services.Aws.Ec2).ProvisionAsync(state, log, cancellationToken);

    /// <summary>Only the new-version instances count, against the capacity blue had.</summary>
    public async Task<InServiceCount> CountGreenInServiceAsync(WorkflowState state, StrategyServices services, CancellationToken cancellationToken)
    {
        var green = state.Green ?? throw new ArgumentException("CheckGreenInService needs $.green, ProvisionGreen's result.", nameof(state));
        if (green.Before is not { } before)
        {
            return await GreenInServiceCheck.CountGroupAsync(services.Aws.AutoScaling, green.GroupName, cancellationToken);
        }

        var fleet = await InGroupFleet.ReadAsync(services.Aws.AutoScaling, services.Aws.Ec2, green.GroupName, state.Deployment.ImageId, before.InstanceIds, cancellationToken)
            ?? throw new GreenLaunchFailed($"Group {green.GroupName} no longer exists.");
        return InServiceCount.Of(fleet.New, before.DesiredCapacity);
    }

    /// <summary>The new-version instances are already in the target groups (the group registers
    /// what it launches), so they must be healthy there too; old ones do not count.</summary>
    public async Task<HealthVerdict> GreenHealthAsync(Deployment deployment, GreenFleet green, AutoScalingGroup group, FleetHealthReader fleets, StrategyServices services, CancellationToken cancellationToken)
    {
        if (green.Before is not { } before)
        {
            return await GreenHealthCheck.WholeGroupAsync(deployment, group, fleets, cancellationToken);
        }

        var fleet = await InGroupFleet.SplitAsync(group, services.Aws.Ec2, deployment.ImageId, before.InstanceIds, cancellationToken);
        var targetGroups = deployment.Settings.TargetGroupArns.Count > 0 ? deployment.Settings.TargetGroupArns : group.TargetGroupArns;
        var newOnly = fleet.Group with { Instances = fleet.New };
        return HealthRule.Evaluate(await fleets.ReadAsync(newOnly, targetGroups, cancellationToken), targetGroups, before.DesiredCapacity, deployment.Settings.Health.MinHealthyPercent);
    }

    public Task<TrafficShift> AdvanceAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken)
    {
        var aws = services.Aws;
        var green = state.Green ?? throw new InvalidOperationException("ShiftTraffic needs $.green, ProvisionGreen's result.");
        return new InGroupTraffic(aws.LoadBalancing, aws.Ec2, new FleetHealthReader(aws.AutoScaling, aws.LoadBalancing), new AlarmWatch(aws.CloudWatch), services.Time)
            .AdvanceAsync(state.Deployment, green, state.Traffic, log, cancellationToken);
    }

    /// <summary>The new instances serving alone once the old ones are out.</summary>
    public TrafficSplit? TrafficMoved(Deployment deployment, TrafficShift? before, TrafficShift after) =>
        after.BlueDetached && before?.BlueDetached != true ? new TrafficSplit(100, 0) : null;

    public Task<Promoted> PromoteAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken)
    {
        var live = state.Live ?? throw new InvalidOperationException("PromoteGreen needs $.live, DescribeLive's result.");
        var green = state.Green ?? throw new InvalidOperationException("PromoteGreen needs $.green, ProvisionGreen's result.");
        return new GreenPromotion(services.Aws.AutoScaling, services.Aws.Ec2, services.Time).PromoteInPlaceAsync(state.Deployment, live, green, log, cancellationToken);
    }

    /// <summary><c>blueAfterCutover.action</c> does not apply: the old instances always go.</summary>
    public Task<BlueRetirement> RetireAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken)
    {
        var green = state.Green ?? throw new InvalidOperationException("RetireBlue needs $.green, ProvisionGreen's result.");
        return new InGroupRetirement(services.Aws.AutoScaling, services.Aws.Ec2, services.Time).RetireAsync(state.Deployment, green, log, cancellationToken);
    }

    /// <summary>The one group stays live; nothing was retired but old instances.</summary>
    public (string LiveGroup, string? RetiredGroup) Outcome(WorkflowState state) =>
        (state.Live?.GroupName ?? state.Deployment.Settings.LiveGroup ?? state.Deployment.Names.GreenGroup, null);

    /// <summary>The group is live, so only its old instances are named.</summary>
    public string NotRetired(WorkflowState state, OriginalFailure why)
    {
        var group = state.Live?.GroupName;
        var old = state.Green?.Before?.InstanceIds ?? state.Live?.InstanceIds ?? [];
        return $"Old instances of {group} may still be in the group ({string.Join(", ", old)}; {why.Error}: {why.Message}). They are out of the target groups and "
            + $"the new instances serve all traffic; terminate those still there with aws autoscaling terminate-instance-in-auto-scaling-group --should-decrement-desired-capacity. Keep the group: it is live.";
    }

    /// <summary>Green is blue's own group, which RollBack must never take for green: the name no group has.</summary>
    public string RollbackGreenName(Deployment deployment, string? blueName) => deployment.Names.GreenGroup;

    /// <summary>One group: traffic, version and instances are restored together, traffic first.</summary>
    public async Task<bool> RestoreTrafficAsync(RollbackScene scene, AutoScalingGroup blue, CancellationToken cancellationToken)
    {
        await new InGroupRollback(scene.Services.Aws).RollBackAsync(scene.State, blue, scene.Report, cancellationToken);
        return true;
    }

    /// <summary>The new instances went with the traffic; a group of the deployment's own name (none is made) would still go.</summary>
    public Task RemoveGreenAsync(RollbackScene scene, CancellationToken cancellationToken) =>
        NewGroupPlacement.Instance.RemoveGreenAsync(scene, cancellationToken);

    public string RestoreTrafficStep(WorkflowState state, LiveFleet live, string green)
    {
        var targetGroups = state.Deployment.Settings.TargetGroupArns.Union(live.TargetGroupArns, StringComparer.Ordinal).ToList();
        var old = state.Green?.Before?.InstanceIds ?? live.InstanceIds;
        return $"Make sure the old instances of {live.GroupName} ({string.Join(", ", old)}) are registered and healthy in {string.Join(", ", targetGroups)}.";
    }

    public string RemoveGreenStep(WorkflowState state, string green) =>
        $"terminate the instances of {state.Live?.GroupName ?? green} that run {state.Deployment.ImageId} (decrementing desired capacity), put back its launch template{Wording.Before(state)} and its sizes; then delete launch template {state.Deployment.Names.LaunchTemplate} if it exists.";
}
