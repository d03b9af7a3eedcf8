using BlueGreen.Aws.Errors;
using BlueGreen.Core.Outputs;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Metrics;
using BlueGreen.Functions.Rollback;

namespace BlueGreen.Functions.Handlers;

/// <summary>State RollBack (the compensation branch, after a Catch with ResultPath <c>$.failure</c>):
/// traffic back to blue first, color tags back, CodeDeploy stopped, green removed, lock released;
/// ResultPath <c>$.outcome</c> ({error, cause} for the final Fail state). Safe to retry; any failure
/// propagates so the state machine retries it, and ends RollbackFailed when retries run out
/// (<see cref="RollbackFailedCause"/> words that ending's cause). Announces ROLLED_BACK and writes
/// the RolledBack metrics, with the time from the failing check to blue's traffic back.</summary>
public sealed class RollBack(FunctionServices services)
    : JsonFunction<WorkflowState, RollbackOutcome>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.RollbackOutcome)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public RollBack()
        : this(FunctionServices.Container)
    {
    }

    protected override async Task<RollbackOutcome> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
    {
        var rollback = new FleetRollback(Services.Aws, Services.Settings.RequireLockTable(), Services.Time);
        var outcome = await rollback.RollBackAsync(input, log, cancellationToken);
        var cause = FailureCause.Read(outcome.Cause);
        await Services.Announcer.AnnounceAsync(
            input.Deployment,
            DeploymentEventStatus.RolledBack,
            c => c with { Error = outcome.Error, Cause = cause?.Message, LiveGroup = cause?.LiveGroup },
            log,
            cancellationToken);
        var restoredAfter = rollback.TrafficRestoredAt is { } restored ? await SinceFailingCheckAsync(input.Deployment, restored, log, cancellationToken) : null;
        Services.Metrics.Ended(input.Deployment, DeploymentEventStatus.RolledBack, StepName, restoredAfter);
        return outcome;
    }

    /// <summary>How long users were on green after the check that failed, from the execution's history.</summary>
    private async Task<TimeSpan?> SinceFailingCheckAsync(Deployment deployment, DateTimeOffset restored, StepLog log, CancellationToken cancellationToken)
    {
        try
        {
            var history = await Services.Aws.StepFunctions.GetExecutionHistoryAsync(deployment.ExecutionArn, cancellationToken);
            return FailingCheck.At(history) is { } failed ? restored - failed : null;
        }
        catch (AwsServiceException error)
        {
            // A measurement, not a step: the rollback is done either way.
            log.Warn("No history for {Execution}: {Reason}; {Metric} is not reported", deployment.ExecutionArn, error.ErrorMessage, DeploymentMetrics.TrafficRestoreTime);
            return null;
        }
    }
}
