using BlueGreen.Core.Outputs;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Locking;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Rollback;

namespace BlueGreen.Functions.Handlers;

/// <summary>State ReleaseLock, the last of a successful deployment (default ResultPath <c>$</c>, so
/// its result is the execution's output): deletes the lock if this execution holds it (a lock
/// taken over by another execution is left alone), then returns the <see cref="DeploymentOutcome"/>
/// with the time each state took. It runs past the point of no return, so nothing here fails the
/// deployment: a lock that cannot be released, or a blue RetireBlue could not retire, becomes a
/// warning in the outcome (the next deployment takes a lock whose holder has ended over).
/// Safe to run twice: a lock already gone is fine. Announces PROMOTED and writes the
/// Promoted metrics (<see cref="Metrics.DeploymentMetrics"/>).</summary>
public sealed class ReleaseLock(FunctionServices services)
    : JsonFunction<WorkflowState, DeploymentOutcome>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.DeploymentOutcome)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public ReleaseLock()
        : this(FunctionServices.Container)
    {
    }

    protected override async Task<DeploymentOutcome> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = input.Deployment;
        var warnings = new List<string>();
        if (input.RetireFailure is { } retire)
        {
            warnings.Add(NotRetired(input, OriginalFailure.From(retire)));
        }

        try
        {
            await new DeploymentLock(Services.Aws.DynamoDb, Services.Aws.StepFunctions, Services.Settings.RequireLockTable(), Services.Time)
                .ReleaseAsync(deployment, log, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            log.Warn("The lock on {Application} could not be released: {Reason}", deployment.Application, error.Message);
            warnings.Add($"The deployment lock of {deployment.Application} could not be released ({error.GetType().Name}: {error.Message}); "
                + "the next deployment takes it over, since this execution has ended.");
        }

        var outcome = await new OutcomeReport(Services.Aws.StepFunctions, Services.Time).DescribeAsync(input, log, cancellationToken);
        outcome = warnings.Count == 0 ? outcome : outcome with { Warnings = warnings };
        await Services.Announcer.AnnounceAsync(deployment, DeploymentEventStatus.Promoted, c => c with { LiveGroup = outcome.LiveGroup, Warnings = outcome.Warnings }, log, cancellationToken);
        Services.Metrics.Ended(deployment, DeploymentEventStatus.Promoted, StepName);
        return outcome;
    }

    /// <summary>What RetireBlue left, worded so nobody removes what serves: for in-group the group is
    /// live, so only its old instances are named; a pair's old group is only ever scaled to zero.</summary>
    private static string NotRetired(WorkflowState state, OriginalFailure why)
    {
        var blue = state.Live?.GroupName;
        var action = state.Deployment.Settings.BlueAfterCutover.Action.ToString().ToLowerInvariant();
        return state.Green switch
        {
            { Kind: GreenKind.InGroup, Before: { } before } =>
                $"Old instances of {blue} may still be in the group ({string.Join(", ", before.InstanceIds)}; {why.Error}: {why.Message}). They are out of the target groups and "
                + $"the new instances serve all traffic; terminate those still there with aws autoscaling terminate-instance-in-auto-scaling-group --should-decrement-desired-capacity. Keep the group: it is live.",
            { Kind: GreenKind.PairIdle } =>
                $"Old pair group {blue} was not scaled to zero ({why.Error}: {why.Message}). {state.Green.GroupName} serves all traffic; set {blue}'s min and desired to 0 once you have checked why.",
            _ =>
                $"Old blue group {blue} was not fully retired ({why.Error}: {why.Message}). {state.Green?.GroupName} serves all traffic; "
                + $"retire {blue} by hand as blueAfterCutover.action says ({action}) once you have checked why.",
        };
    }
}
