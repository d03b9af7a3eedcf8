using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Locking;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Handlers;

/// <summary>State AcquireLock (ResultPath <c>$.lock</c>): takes the application's deployment lock,
/// or takes it over from an execution that is no longer running. A retry by the holder succeeds
/// unchanged. Fails with DeploymentLocked naming the running holder. Writes only the lock item.</summary>
public sealed class AcquireLock(FunctionServices services)
    : JsonFunction<WorkflowState, LockHeld>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.LockHeld)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public AcquireLock()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<LockHeld> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken) =>
        new DeploymentLock(Services.Aws.DynamoDb, Services.Aws.StepFunctions, Services.Settings.RequireLockTable(), Services.Time)
            .AcquireAsync(input.Deployment, log.With("deploymentId", input.Deployment.DeploymentId).With("application", input.Deployment.Application), cancellationToken);
}
