using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Rollback;

namespace BlueGreen.Functions.Handlers;

/// <summary>State DescribeRollbackFailure: when RollBack's retries ran out, says what is left to do
/// by hand (the execution then ends RollbackFailed with the lock kept). Calls nothing.</summary>
public sealed class DescribeRollbackFailure(FunctionServices services)
    : JsonFunction<WorkflowState, RollbackOutcome>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.RollbackOutcome)
{
    public DescribeRollbackFailure()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<RollbackOutcome> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
    {
        var cause = RollbackFailedCause.Build(input, input.RollbackFailure, Services.Settings.LockTable);
        log.With("deploymentId", input.Deployment.DeploymentId).With("application", input.Deployment.Application)
            .Error(new InvalidOperationException(input.RollbackFailure?.Error), "Rollback failed; the lock is kept until the steps in the cause are done by hand");
        return Task.FromResult(new RollbackOutcome(nameof(RollbackFailed), cause));
    }
}
