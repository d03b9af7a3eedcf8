namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>The deployments themselves; only reached through <see cref="DeploymentStore.Transact{T}"/>.</summary>
internal sealed class DeploymentTable
{
    private readonly Dictionary<string, EmulatedDeployment> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Deployments are regional, as in AWS: another region's id is unknown.</summary>
    public EmulatedDeployment? Find(string region, string id) =>
        _byId.TryGetValue(id, out var deployment) && deployment.Region == region ? deployment : null;

    public IReadOnlyList<EmulatedDeployment> InRegion(string region) =>
        _order.Select(id => _byId[id]).Where(d => d.Region == region).ToList();

    public IReadOnlyList<EmulatedDeployment> InGroup(string region, string applicationName, string deploymentGroupName) =>
        InRegion(region).Where(d => d.ApplicationName == applicationName && d.DeploymentGroupName == deploymentGroupName).ToList();

    public void Put(EmulatedDeployment deployment)
    {
        if (!_byId.ContainsKey(deployment.Id))
        {
            _order.Add(deployment.Id);
        }

        _byId[deployment.Id] = deployment;
    }
}
