using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Rollback;
using BlueGreen.Functions.Strategies.NewGroup;
using BlueGreen.Functions.Strategies.Pair;

namespace BlueGreen.Functions.Strategies;

/// <summary>
/// Where green lives for the strategies that put it in a group of its own (swap, weighted, dns):
/// a group each deployment makes and removes (<see cref="NewGroupPlacement"/>), or the idle group
/// of the settings' <c>pair</c> (<see cref="PairPlacement"/>), which is never created or deleted.
/// The provisioning option is chosen here, once; the strategies only ask it.
/// </summary>
public abstract class GreenPlacement
{
    /// <summary>The settings' choice: <c>pair</c> when set, else a new group per deployment.</summary>
    public static GreenPlacement Of(ApplicationSettings settings) =>
        settings.Pair is { } pair ? new PairPlacement(pair) : NewGroupPlacement.Instance;

    /// <summary>The group serving now, and whether it was adopted rather than found by its tags.</summary>
    public abstract Task<(AutoScalingGroup Group, bool Adopted)> FindLiveGroupAsync(Deployment deployment, StrategyServices services, CancellationToken cancellationToken);

    /// <summary>Green's group, given blue's; <paramref name="liveGroup"/> may be unknown (null) before DescribeLive.</summary>
    public abstract string GreenGroupName(Deployment deployment, string? liveGroup);

    public abstract IReadOnlyList<string> PlanGreen(Deployment deployment, LiveFleet live, PlannedLaunchTemplate template, PlannedCapacity capacity);

    public abstract string PlanAfterCutover(Deployment deployment, LiveFleet live);

    public abstract Task<GreenFleet> ProvisionAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken);

    public abstract Task<BlueRetirement> RetireAsync(WorkflowState state, LiveFleet blue, StrategyServices services, StepLog log, CancellationToken cancellationToken);

    public abstract string NotRetired(WorkflowState state, OriginalFailure why);

    public abstract Task RemoveGreenAsync(RollbackScene scene, CancellationToken cancellationToken);

    public abstract string RemoveGreenStep(WorkflowState state, string green);
}
