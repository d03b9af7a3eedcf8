using System.Collections.Concurrent;
using BlueGreen.Local.CodeDeploy;

namespace BlueGreen.Local.Tests.CodeDeploy;

/// <summary>Deployment groups in memory, failing the way moto does for unknown ones.</summary>
public sealed class FakeDeploymentGroups : IDeploymentGroups
{
    private readonly ConcurrentDictionary<(string App, string Group), DeploymentGroupInfo> _groups = new();

    public FakeDeploymentGroups Add(string application, string group, params string[] autoScalingGroups)
    {
        _groups[(application, group)] = new DeploymentGroupInfo(application, group, "CodeDeployDefault.OneAtATime", autoScalingGroups);
        return this;
    }

    public FakeDeploymentGroups Add(DeploymentGroupInfo group)
    {
        _groups[(group.ApplicationName, group.DeploymentGroupName)] = group;
        return this;
    }

    public Task<DeploymentGroupInfo> GetAsync(string region, string applicationName, string deploymentGroupName, CancellationToken cancellationToken)
    {
        if (!_groups.Keys.Any(k => k.App == applicationName))
        {
            throw new CodeDeployError("ApplicationDoesNotExistException", $"The application {applicationName} does not exist with the user or AWS account.");
        }

        return _groups.TryGetValue((applicationName, deploymentGroupName), out var group)
            ? Task.FromResult(group)
            : throw new CodeDeployError("DeploymentGroupDoesNotExistException", $"The deployment group {deploymentGroupName} does not exist with the user or AWS account.");
    }
}
