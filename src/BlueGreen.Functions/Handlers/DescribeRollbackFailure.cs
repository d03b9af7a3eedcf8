using BlueGreen.Core.Outputs;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Rollback;

namespace BlueGreen.Functions.Handlers;

/// <summary>State DescribeRollbackFailure: when RollBack's retries ran out, says what is left to do
/// by hand (the execution then ends RollbackFailed with the lock kept), worded from blue's and
/// green's instances as one read finds them now. Writes nothing; if even that read fails, the steps
/// say how to tell which fleet serves before removing anything. Announces ROLLBACK_FAILED
/// and writes the RollbackFailed metrics (<see cref="Metrics.DeploymentMetrics"/>).</summary>
public sealed class DescribeRollbackFailure(FunctionServices services)
    : JsonFunction<WorkflowState, RollbackOutcome>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.RollbackOutcome)
{
    public DescribeRollbackFailure()
        : this(FunctionServices.Container)
    {
    }

    protected override async Task<RollbackOutcome> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
    {
        var observed = await ObserveAsync(input, log, cancellationToken);
        var cause = RollbackFailedCause.Build(input, input.RollbackFailure, observed, Services.Settings.LockTable);
        log.Error(new InvalidOperationException(input.RollbackFailure?.Error), "Rollback failed; the lock is kept until the steps in the cause are done by hand");
        await Services.Announcer.AnnounceAsync(
            input.Deployment,
            DeploymentEventStatus.RollbackFailed,
            c => c with { Error = nameof(RollbackFailed), Cause = FailureCause.Read(cause)?.Message },
            log,
            cancellationToken);
        Services.Metrics.Ended(input.Deployment, DeploymentEventStatus.RollbackFailed, StepName);
        return new RollbackOutcome(nameof(RollbackFailed), cause);
    }

    private async Task<ObservedFleets> ObserveAsync(WorkflowState state, StepLog log, CancellationToken cancellationToken)
    {
        var blue = state.Live?.GroupName;
        var green = RollbackFailedCause.GreenGroupName(state);
        try
        {
            var groups = await Services.Aws.AutoScaling.DescribeAutoScalingGroupsAsync(blue is null ? [green] : [blue, green], cancellationToken);
            return ObservedFleets.From(groups, blue, green);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            log.Warn("Could not read blue and green to word the manual steps: {Reason}", error.Message);
            return ObservedFleets.Unknown;
        }
    }
}
