using BlueGreen.Aws.CodeDeploy;

namespace BlueGreen.Functions.CodeDeployment;

/// <summary>Finds the CodeDeploy deployment this execution already made in the group, by its description.</summary>
public sealed class DeploymentFinder(ICodeDeploy codeDeploy)
{
    /// <param name="createdFrom">The execution's start: earlier deployments cannot be ours.</param>
    /// <returns>The newest deployment whose description names <paramref name="deploymentId"/>, or null.</returns>
    public async Task<CodeDeployDeployment?> FindAsync(
        string application, string deploymentGroup, string deploymentId, DateTimeOffset createdFrom, CancellationToken cancellationToken)
    {
        // A minute of slack for clock skew between the execution's start and CodeDeploy's createTime.
        var ids = await codeDeploy.ListDeploymentsAsync(application, deploymentGroup, createdFrom: createdFrom.AddMinutes(-1), cancellationToken: cancellationToken);
        CodeDeployDeployment? newest = null;
        foreach (var id in ids)
        {
            var deployment = await codeDeploy.GetDeploymentAsync(id, cancellationToken);
            if (DeploymentDescription.Names(deployment.Description, deploymentId)
                && (newest is null || deployment.CreatedAt > newest.CreatedAt))
            {
                newest = deployment;
            }
        }

        return newest;
    }
}
