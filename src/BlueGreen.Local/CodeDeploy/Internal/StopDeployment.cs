using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>
/// StopDeployment: a deployment not yet complete becomes Stopped at once (so the answer is
/// "Succeeded", not "Pending"). With autoRollbackEnabled, as in AWS, a rollback deployment of the
/// group's last successful revision starts on the same instances, and both carry rollbackInfo.
/// </summary>
internal sealed class StopDeployment(DeploymentStore store, TimeProvider time, CodeDeployEmulatorOptions options)
{
    private static readonly JsonElement NoRequest = JsonDocument.Parse("{}").RootElement.Clone();

    public JsonObject Run(RequestBody body, string region)
    {
        var id = body.RequiredString("deploymentId", CodeDeployErrors.DeploymentIdRequired);
        var rollBack = body.Boolean("autoRollbackEnabled") ?? false;

        return store.Transact(table =>
        {
            var now = time.GetUtcNow();
            var deployment = table.Find(region, id) ?? throw CodeDeployErrors.DeploymentDoesNotExist(id);
            if (DeploymentStatus.IsComplete(deployment.StatusAt(now)))
            {
                throw CodeDeployErrors.DeploymentAlreadyCompleted(id);
            }

            var stopped = deployment with { StoppedAt = now };
            var message = $"Deployment {id} stopped.";
            if (rollBack)
            {
                var last = table.InGroup(region, deployment.ApplicationName, deployment.DeploymentGroupName)
                    .LastOrDefault(d => d.Id != id && d.StatusAt(now) == DeploymentStatus.Succeeded);
                if (last is null)
                {
                    stopped = stopped with
                    {
                        Rollback = new(null, null, "Automatic rollback skipped: the deployment group has no earlier successful deployment to roll back to."),
                    };
                    message += " No rollback: no earlier successful deployment.";
                }
                else
                {
                    var rollback = Rollback(deployment, last, now);
                    table.Put(rollback);
                    stopped = stopped with
                    {
                        Rollback = new(rollback.Id, null, $"Rolling back to the revision of deployment {last.Id} in deployment {rollback.Id}."),
                    };
                    message += $" Rollback deployment {rollback.Id} started.";
                }
            }

            table.Put(stopped);
            return new JsonObject { ["status"] = "Succeeded", ["statusMessage"] = message };
        });
    }

    private EmulatedDeployment Rollback(EmulatedDeployment stopped, EmulatedDeployment last, DateTimeOffset now) => new()
    {
        Id = DeploymentIds.New(),
        Region = stopped.Region,
        ApplicationName = stopped.ApplicationName,
        DeploymentGroupName = stopped.DeploymentGroupName,
        DeploymentConfigName = stopped.DeploymentConfigName,
        Revision = last.Revision,
        PreviousRevision = last.Revision,
        Request = NoRequest,
        Creator = "codeDeployRollback",
        InstanceIds = stopped.InstanceIds,
        CreateTime = now,
        StartTime = now + options.StartDelay,
        EndTime = now + options.StartDelay + options.Duration,
        PlannedFailure = stopped.InstanceIds.Count == 0 ? ErrorInformation.NoInstances() : null,
        Rollback = new(null, stopped.Id, null),
    };
}
