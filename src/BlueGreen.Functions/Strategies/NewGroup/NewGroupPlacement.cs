using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Discovery;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Promotion;
using BlueGreen.Functions.Rollback;

namespace BlueGreen.Functions.Strategies.NewGroup;

/// <summary>
/// Green in a group of its own that each deployment makes beside blue (<see cref="GreenProvisioner"/>,
/// named from the deployment id) and that rollback deletes; blue is retired as
/// <c>blueAfterCutover.action</c> says.
/// </summary>
public sealed class NewGroupPlacement : GreenPlacement
{
    public static NewGroupPlacement Instance { get; } = new();

    private NewGroupPlacement()
    {
    }

    public override Task<(AutoScalingGroup Group, bool Adopted)> FindLiveGroupAsync(Deployment deployment, StrategyServices services, CancellationToken cancellationToken) =>
        new LiveGroupSearch(services.Aws.AutoScaling).FindAsync(deployment.Application, deployment.Settings, cancellationToken);

    public override string GreenGroupName(Deployment deployment, string? liveGroup) => deployment.Names.GreenGroup;

    public override IReadOnlyList<string> PlanGreen(Deployment deployment, LiveFleet live, PlannedLaunchTemplate template, PlannedCapacity capacity)
    {
        var color = deployment.Settings.ColorTag;
        return
        [
            Wording.Template(template),
            $"Green group {deployment.Names.GreenGroup} would be created with blue's sizes (min {capacity.MinSize}, max {capacity.MaxSize}, desired {capacity.DesiredCapacity}) in subnets {Wording.Join(live.SubnetIds)}, tagged {color.Key}={color.Green}.",
        ];
    }

    public override string PlanAfterCutover(Deployment deployment, LiveFleet live)
    {
        var settings = deployment.Settings;
        var after = settings.BlueAfterCutover;
        var action = after.Action switch
        {
            BlueAction.Terminate => "deleted with its instances",
            BlueAction.ScaleToZero => "scaled to zero (the group is kept)",
            _ => "kept as it is",
        };
        return $"After cutover blue ({live.GroupName}) stays ready for rollback for {after.WaitSeconds} s, then is {action}; green becomes the live fleet ({settings.ColorTag.Key}={settings.ColorTag.Blue}).";
    }

    public override Task<GreenFleet> ProvisionAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken) =>
        new GreenProvisioner(services.Aws.AutoScaling, services.Aws.Ec2).ProvisionAsync(state, log, cancellationToken);

    public override Task<BlueRetirement> RetireAsync(WorkflowState state, LiveFleet blue, StrategyServices services, StepLog log, CancellationToken cancellationToken) =>
        new BlueRetirer(services.Aws.AutoScaling, services.Time).RetireAsync(state.Deployment, blue, state.Deployment.Settings.BlueAfterCutover.Action, null, log, cancellationToken);

    public override string NotRetired(WorkflowState state, OriginalFailure why)
    {
        var blue = state.Live?.GroupName;
        var action = state.Deployment.Settings.BlueAfterCutover.Action.ToString().ToLowerInvariant();
        return $"Old blue group {blue} was not fully retired ({why.Error}: {why.Message}). {state.Green?.GroupName} serves all traffic; "
            + $"retire {blue} by hand as blueAfterCutover.action says ({action}) once you have checked why.";
    }

    public override async Task RemoveGreenAsync(RollbackScene scene, CancellationToken cancellationToken)
    {
        if (scene.Green is { } green)
        {
            await scene.Services.Aws.AutoScaling.DeleteAutoScalingGroupAsync(green.Name, forceDelete: true, cancellationToken);
            scene.Report.Done($"deleted green group {green.Name} and its instances");
        }
    }

    public override string RemoveGreenStep(WorkflowState state, string green) =>
        $"delete Auto Scaling group {green} if it exists (force delete), and launch template {state.Deployment.Names.LaunchTemplate} if it exists.";
}
