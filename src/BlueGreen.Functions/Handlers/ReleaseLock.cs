using BlueGreen.Core.Outputs;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Locking;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Rollback;
using BlueGreen.Functions.Strategies;

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

    /// <summary>What RetireBlue left, worded by the strategy so nobody removes what serves.</summary>
    private static string NotRetired(WorkflowState state, OriginalFailure why) => StrategyCatalog.For(state.Deployment).NotRetired(state, why);
}
