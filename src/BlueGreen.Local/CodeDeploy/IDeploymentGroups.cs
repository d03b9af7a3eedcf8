namespace BlueGreen.Local.CodeDeploy;

/// <summary>Where deployment groups live (moto keeps them; the emulator only reads).</summary>
public interface IDeploymentGroups
{
    /// <exception cref="CodeDeployError">ApplicationDoesNotExistException or
    /// DeploymentGroupDoesNotExistException, as AWS names them.</exception>
    Task<DeploymentGroupInfo> GetAsync(string region, string applicationName, string deploymentGroupName, CancellationToken cancellationToken);
}
