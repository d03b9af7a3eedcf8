namespace BlueGreen.Aws.CodeDeploy;

/// <summary>The CodeDeploy calls BlueGreen makes to deploy a revision to the green fleet.</summary>
public interface ICodeDeploy
{
    /// <summary>An application for EC2/on-premises deployments (the local sample and tests make
    /// them; BlueGreen only deploys to an existing group).</summary>
    Task CreateApplicationAsync(string applicationName, CancellationToken cancellationToken = default);

    /// <summary>A deployment group reaching the instances that match <paramref name="ec2TagFilters"/>.</summary>
    Task CreateDeploymentGroupAsync(
        string applicationName, string deploymentGroupName, string serviceRoleArn, IReadOnlyList<Ec2TagFilter> ec2TagFilters, CancellationToken cancellationToken = default);

    Task<DeploymentGroup> GetDeploymentGroupAsync(string applicationName, string deploymentGroupName, CancellationToken cancellationToken = default);

    /// <returns>The deployment id.</returns>
    Task<string> CreateDeploymentAsync(NewDeployment deployment, CancellationToken cancellationToken = default);

    Task<CodeDeployDeployment> GetDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default);

    /// <param name="autoRollback">Let CodeDeploy roll the instances back to the last good revision.</param>
    Task StopDeploymentAsync(string deploymentId, bool autoRollback = false, CancellationToken cancellationToken = default);

    /// <summary>Ids of a deployment group's deployments (pages followed), optionally only those
    /// in <paramref name="statuses"/> and created at or after <paramref name="createdFrom"/>.</summary>
    Task<IReadOnlyList<string>> ListDeploymentsAsync(
        string applicationName, string deploymentGroupName, IReadOnlyCollection<DeploymentStatus>? statuses = null, DateTimeOffset? createdFrom = null, CancellationToken cancellationToken = default);

    /// <summary>Ids of the instances the deployment targets.</summary>
    Task<IReadOnlyList<string>> ListDeploymentInstancesAsync(string deploymentId, CancellationToken cancellationToken = default);
}
