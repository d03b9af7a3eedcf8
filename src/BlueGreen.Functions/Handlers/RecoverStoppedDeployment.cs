using System.Text.Json.Nodes;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Locking;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Recovery;

namespace BlueGreen.Functions.Handlers;

/// <summary>State RecoverStoppedDeployment (ResultPath <c>$</c>), the start of a cleanup execution:
/// the stopped execution's state document with <c>$.failure</c> = DeploymentStopped and
/// <c>$.recovery.action</c> = RollBack, or <c>$.recovery.outcome</c> when there is nothing to roll
/// back (see <see cref="StoppedDeploymentRecovery"/>).</summary>
public sealed class RecoverStoppedDeployment(FunctionServices services)
    : JsonFunction<RecoverStoppedDeploymentInput, JsonObject>(services, FunctionJsonContext.Default.RecoverStoppedDeploymentInput, FunctionJsonContext.Default.JsonObject)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public RecoverStoppedDeployment()
        : this(FunctionServices.Container)
    {
    }

    protected override Task<JsonObject> RunAsync(RecoverStoppedDeploymentInput input, StepLog log, CancellationToken cancellationToken) =>
        new StoppedDeploymentRecovery(
                Services.Aws.StepFunctions,
                new CleanupClaims(Services.Aws.DynamoDb, Services.Aws.StepFunctions, Services.Settings.RequireLockTable(), Services.Time))
            .RecoverAsync(input, log.With("stoppedExecution", input.StoppedExecution.ExecutionArn), cancellationToken);
}
