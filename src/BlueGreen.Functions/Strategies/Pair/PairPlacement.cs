using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Promotion;
using BlueGreen.Functions.Rollback;

namespace BlueGreen.Functions.Strategies.Pair;

/// <summary>
/// The <c>pair</c> provisioning option: two groups its owners' infrastructure code made; the live
/// one is blue (<see cref="PairLiveSearch"/>), the idle one becomes green (<see cref="PairProvisioner"/>).
/// Neither is ever created or deleted: blue is retired by scaling it to zero whatever
/// <c>blueAfterCutover.action</c> says, and rollback empties green (<see cref="PairGreenReset"/>).
/// </summary>
public sealed class PairPlacement(PairSettings pair) : GreenPlacement
{
    public override Task<(AutoScalingGroup Group, bool Adopted)> FindLiveGroupAsync(Deployment deployment, StrategyServices services, CancellationToken cancellationToken) =>
        new PairLiveSearch(services.Aws.AutoScaling).FindAsync(deployment.Application, deployment.Settings, pair, cancellationToken);

    /// <summary>The pair's other group; without blue, the deployment's own name (which no group has).</summary>
    public override string GreenGroupName(Deployment deployment, string? liveGroup) =>
        (liveGroup is null ? null : pair.IdleOf(liveGroup)) ?? deployment.Names.GreenGroup;

    public override IReadOnlyList<string> PlanGreen(Deployment deployment, LiveFleet live, PlannedLaunchTemplate template, PlannedCapacity capacity)
    {
        var idle = GreenGroupName(deployment, live.GroupName);
        var color = deployment.Settings.ColorTag;
        return
        [
            $"Launch template: a new version of pair group {idle}'s own template with AMI {deployment.ImageId}.",
            $"Pair group {idle} (it exists; nothing is created) would launch from it with blue's sizes (min {capacity.MinSize}, max {capacity.MaxSize}, desired {capacity.DesiredCapacity}), tagged {color.Key}={color.Green}.",
        ];
    }

    public override string PlanAfterCutover(Deployment deployment, LiveFleet live) =>
        $"After cutover blue ({live.GroupName}) stays ready for rollback for {deployment.Settings.BlueAfterCutover.WaitSeconds} s, then is scaled to zero (a pair's groups are never deleted); {GreenGroupName(deployment, live.GroupName)} becomes the live fleet.";

    public override Task<GreenFleet> ProvisionAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken) =>
        new PairProvisioner(services.Aws.AutoScaling, services.Aws.Ec2).ProvisionAsync(state, pair, log, cancellationToken);

    /// <summary>A pair's groups belong to its owners' infrastructure code: never deleted, always emptied.</summary>
    public override Task<BlueRetirement> RetireAsync(WorkflowState state, LiveFleet blue, StrategyServices services, StepLog log, CancellationToken cancellationToken)
    {
        var asked = state.Deployment.Settings.BlueAfterCutover.Action;
        var note = asked == BlueAction.ScaleToZero
            ? null
            : $" (pair: blueAfterCutover.action {(asked == BlueAction.Keep ? "keep" : "terminate")} is read as scaleToZero; the pair's groups are never deleted)";
        return new BlueRetirer(services.Aws.AutoScaling, services.Time).RetireAsync(state.Deployment, blue, BlueAction.ScaleToZero, note, log, cancellationToken);
    }

    public override string NotRetired(WorkflowState state, OriginalFailure why)
    {
        var blue = state.Live?.GroupName;
        return $"Old pair group {blue} was not scaled to zero ({why.Error}: {why.Message}). {state.Green?.GroupName} serves all traffic; set {blue}'s min and desired to 0 once you have checked why.";
    }

    public override async Task RemoveGreenAsync(RollbackScene scene, CancellationToken cancellationToken)
    {
        if (scene.Green is { } green)
        {
            await new PairGreenReset(scene.Services.Aws).ResetAsync(green, scene.State.Deployment, scene.State.Green?.Before, scene.Report, cancellationToken);
        }
    }

    public override string RemoveGreenStep(WorkflowState state, string green) =>
        $"scale pair group {green} to min 0 / desired 0 and point it back at the launch template it had{Wording.Before(state)}; then delete launch template {state.Deployment.Names.LaunchTemplate} if it exists.";
}
