using System.Text.Json.Nodes;

namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>
/// CreateDeployment: validates as AWS does, resolves the group and the instances it targets (the
/// snapshot ListDeploymentInstances returns), and plans the outcome (a requested failure, no
/// instances, or success). One active deployment per group, as in AWS.
/// </summary>
internal sealed class CreateDeployment(
    DeploymentStore store,
    IDeploymentGroups groups,
    DeploymentTargets targets,
    ICodeDeployFaults faults,
    TimeProvider time,
    CodeDeployEmulatorOptions options)
{
    public async Task<JsonObject> RunAsync(RequestBody body, string region, CancellationToken cancellationToken)
    {
        var applicationName = body.RequiredString("applicationName", CodeDeployErrors.ApplicationNameRequired);
        var groupName = body.RequiredString("deploymentGroupName", CodeDeployErrors.DeploymentGroupNameRequired);
        var revision = body.Object("revision") ?? throw CodeDeployErrors.RevisionRequired();
        var configName = body.String("deploymentConfigName");

        var group = await groups.GetAsync(region, applicationName, groupName, cancellationToken);
        var instanceIds = await targets.ResolveAsync(region, group, cancellationToken);

        return store.Transact(table =>
        {
            var now = time.GetUtcNow();
            var inGroup = table.InGroup(region, applicationName, groupName);
            if (inGroup.FirstOrDefault(d => !DeploymentStatus.IsComplete(d.StatusAt(now))) is { } active)
            {
                throw CodeDeployErrors.DeploymentLimitExceeded(groupName, active.Id);
            }

            // Taken only once the deployment is sure to be created, so a refused one keeps the fault pending.
            var failure = faults.TakeFailure(applicationName, groupName, out var reason) ? ErrorInformation.Requested(reason)
                : instanceIds.Count == 0 ? ErrorInformation.NoInstances()
                : null;
            var deployment = new EmulatedDeployment
            {
                Id = DeploymentIds.New(),
                Region = region,
                ApplicationName = applicationName,
                DeploymentGroupName = groupName,
                DeploymentConfigName = configName ?? group.DeploymentConfigName,
                Revision = revision,
                PreviousRevision = inGroup.LastOrDefault(d => d.StatusAt(now) == DeploymentStatus.Succeeded)?.Revision,
                Request = body.Root,
                InstanceIds = instanceIds,
                CreateTime = now,
                StartTime = now + options.StartDelay,
                EndTime = now + options.StartDelay + options.Duration,
                PlannedFailure = failure,
            };
            table.Put(deployment);
            return new JsonObject { ["deploymentId"] = deployment.Id };
        });
    }
}
