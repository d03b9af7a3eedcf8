using BlueGreen.Core.Outputs;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Locking;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Handlers;

/// <summary>State ReleaseLock, the last of a successful deployment (default ResultPath <c>$</c>, so
/// its result is the execution's output): deletes the lock if this execution holds it (a lock
/// taken over by another execution is left alone), then returns the <see cref="DeploymentOutcome"/>
/// with the time each state took. Safe to run twice: a lock already gone is fine.</summary>
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
        var deploymentLog = log.With("deploymentId", input.Deployment.DeploymentId).With("application", input.Deployment.Application);
        await new DeploymentLock(Services.Aws.DynamoDb, Services.Aws.StepFunctions, Services.Settings.RequireLockTable(), Services.Time)
            .ReleaseAsync(input.Deployment, deploymentLog, cancellationToken);
        return await new OutcomeReport(Services.Aws.StepFunctions, Services.Time).DescribeAsync(input, deploymentLog, cancellationToken);
    }
}
