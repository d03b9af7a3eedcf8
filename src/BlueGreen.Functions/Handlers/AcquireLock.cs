using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Requests;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Locking;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Handlers;

/// <summary>State AcquireLock (ResultPath <c>$.lock</c>): for an image event, first claims the AMI
/// (<see cref="ImageClaims"/>): an AMI another deployment claimed returns an <see cref="IgnoredTrigger"/>
/// naming it, and the execution ends Ignored. Then takes the application's deployment lock, or takes
/// it over from an execution that is no longer running; a retry by the holder succeeds unchanged.
/// Fails with DeploymentLocked naming the running holder, giving up the AMI's claim first.
/// Writes only the lock table; announces STARTED (or IGNORED, with the Ignored metrics).</summary>
public sealed class AcquireLock(FunctionServices services)
    : JsonFunction<WorkflowState, JsonNode>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.JsonNode)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public AcquireLock()
        : this(FunctionServices.Container)
    {
    }

    protected override async Task<JsonNode> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = input.Deployment;
        var table = Services.Settings.RequireLockTable();
        var claims = deployment.Trigger == TriggerKind.Request ? null : new ImageClaims(Services.Aws.DynamoDb, table, Services.Time);
        if (claims is not null && await claims.ClaimAsync(deployment, log, cancellationToken) is { } holder)
        {
            log.Info("AMI {ImageId} is already deployed by {Holder}: this event is ignored", deployment.ImageId, holder.ExecutionArn);
            var outcome = new IgnoredOutcome(
                $"AMI {deployment.ImageId} was already announced and is deployed by deployment {holder.DeploymentId} (execution {holder.ExecutionArn}, since {holder.ClaimedAt:u}); one AMI is deployed once. To deploy it again on purpose, start a deployment naming the application.",
                deployment.Trigger,
                deployment.ImageId,
                deployment.Application,
                holder);
            await Services.Announcer.AnnounceAsync(deployment, DeploymentEventStatus.Ignored, c => c with { Reason = outcome.Reason }, log, cancellationToken);
            Services.Metrics.Ended(deployment, DeploymentEventStatus.Ignored, StepName);
            return JsonSerializer.SerializeToNode(new IgnoredTrigger(outcome), FunctionJsonContext.Default.IgnoredTrigger)!;
        }

        try
        {
            var held = await new DeploymentLock(Services.Aws.DynamoDb, Services.Aws.StepFunctions, table, Services.Time)
                .AcquireAsync(deployment, log, cancellationToken);
            await Services.Announcer.AnnounceAsync(deployment, DeploymentEventStatus.Started, null, log, cancellationToken);
            return JsonSerializer.SerializeToNode(held, FunctionJsonContext.Default.LockHeld)!;
        }
        catch (DeploymentLocked) when (claims is not null)
        {
            // The AMI was not deployed: let a later announcement of it try again.
            await claims.ReleaseAsync(deployment, log, cancellationToken);
            throw;
        }
    }
}
