using BlueGreen.Aws.AutoScaling;
using BlueGreen.Core.Health;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Health;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Provisioning;
using BlueGreen.Functions.Rollback;
using BlueGreen.Functions.Strategies.Weights;

namespace BlueGreen.Functions.Strategies;

/// <summary>
/// One traffic strategy (settings <c>strategy</c>) and everything that differs by it, so the
/// handlers ask the deployment's strategy (<see cref="StrategyCatalog.For(Deployment)"/>) and never
/// switch on it. The members follow the workflow: discovery of the live side, the dry run's plan
/// text, provisioning, the traffic phases, promotion, retirement, the outcome, rollback and the
/// steps to do by hand when rollback fails. Implementations are stateless; what they call comes in
/// as <see cref="StrategyServices"/>. Adding a strategy: a folder with one implementation, one line
/// in <see cref="StrategyCatalog"/> (see docs/decisions.md §30).
/// </summary>
public interface IStrategy
{
    /// <summary>The settings value this type implements.</summary>
    DeploymentStrategy Name { get; }

    // ---- DescribeLive ----

    /// <summary>The group serving now, and whether it was adopted (found by the settings rather than by its tags).</summary>
    Task<(AutoScalingGroup Group, bool Adopted)> FindLiveGroupAsync(Deployment deployment, StrategyServices services, CancellationToken cancellationToken);

    /// <summary>Checks the live group really is on the strategy's traffic path (refusing by name when not)
    /// and returns which half of a weighted pair it serves through; null for strategies that move groups.</summary>
    Task<TrafficPath?> ReadTrafficPathAsync(Deployment deployment, AutoScalingGroup live, StrategyServices services, StepLog log, CancellationToken cancellationToken);

    /// <summary>The weighted pair the strategy moves (a listener's forward, Route 53 records), or null
    /// when it moves groups instead. <c>bluegreen status</c> reads the weights through it.</summary>
    IWeightPath? WeightPath(Deployment deployment, StrategyServices services);

    // ---- PlanDeployment (pure) ----

    /// <summary>The group green will be (a new one, blue's own, the pair's idle one).</summary>
    string GreenGroupName(Deployment deployment, LiveFleet live);

    /// <summary>Where green takes traffic: target groups, or the idle half of the pair.</summary>
    IReadOnlyList<string> TrafficTargets(Deployment deployment, LiveFleet live);

    /// <summary>The dry run's sentences about the launch template and green's group.</summary>
    IReadOnlyList<string> PlanGreen(Deployment deployment, LiveFleet live, PlannedLaunchTemplate template, PlannedCapacity capacity);

    /// <summary>The dry run's sentence about how traffic moves.</summary>
    string PlanTraffic(Deployment deployment, LiveFleet live, IReadOnlyList<string> targets, TrafficPlan traffic);

    /// <summary>The dry run's sentence about blue after cutover.</summary>
    string PlanAfterCutover(Deployment deployment, LiveFleet live);

    // ---- ProvisionGreen ----

    /// <summary>Makes green (safe to retry: finds what an earlier try made).</summary>
    Task<GreenFleet> ProvisionAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken);

    // ---- CheckGreenInService, CheckGreenHealth ----

    /// <summary>Green's InService instances against the number it should have.</summary>
    Task<InServiceCount> CountGreenInServiceAsync(WorkflowState state, StrategyServices services, CancellationToken cancellationToken);

    /// <summary>Green's health before traffic moves (<paramref name="group"/>: green's group as read now).</summary>
    Task<HealthVerdict> GreenHealthAsync(Deployment deployment, GreenFleet green, AutoScalingGroup group, FleetHealthReader fleets, StrategyServices services, CancellationToken cancellationToken);

    // ---- ShiftTraffic ----

    /// <summary>Advances the shift one <see cref="TrafficPhase"/> (<c>$.traffic</c> in, the next one out).</summary>
    Task<TrafficShift> AdvanceAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken);

    /// <summary>The split to announce when a call moved traffic, null when it only waited (pure:
    /// <c>bluegreen watch</c> reads the same from the state's history).</summary>
    TrafficSplit? TrafficMoved(Deployment deployment, TrafficShift? before, TrafficShift after);

    // ---- PromoteGreen, RetireBlue, ReleaseLock ----

    /// <summary>Green becomes the fleet tagged live (safe to run twice).</summary>
    Task<Promoted> PromoteAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken);

    /// <summary>What was blue goes as the settings say (safe to run twice).</summary>
    Task<BlueRetirement> RetireAsync(WorkflowState state, StrategyServices services, StepLog log, CancellationToken cancellationToken);

    /// <summary>The output's live and retired group after a promotion.</summary>
    (string LiveGroup, string? RetiredGroup) Outcome(WorkflowState state);

    /// <summary>ReleaseLock's warning when RetireBlue failed, worded so nobody removes what serves.</summary>
    string NotRetired(WorkflowState state, OriginalFailure why);

    // ---- RollBack, DescribeRollbackFailure ----

    /// <summary>The group RollBack looks for as green when <c>$.green</c> may be missing.</summary>
    string RollbackGreenName(Deployment deployment, string? blueName);

    /// <summary>RollBack's first write: <paramref name="blue"/> (as it is now: it exists and has
    /// instances) serves everything again. False when the strategy could not restore traffic.</summary>
    Task<bool> RestoreTrafficAsync(RollbackScene scene, AutoScalingGroup blue, CancellationToken cancellationToken);

    /// <summary>RollBack's removal of green (the deployment's launch template is deleted after, by RollBack).</summary>
    Task RemoveGreenAsync(RollbackScene scene, CancellationToken cancellationToken);

    /// <summary>The manual step that gives blue its traffic back.</summary>
    string RestoreTrafficStep(WorkflowState state, LiveFleet live, string green);

    /// <summary>The manual step that removes green, once blue serves again.</summary>
    string RemoveGreenStep(WorkflowState state, string green);
}
