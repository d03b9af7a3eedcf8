namespace BlueGreen.Aws.CodeDeploy;

public sealed record NewDeployment(string ApplicationName, string DeploymentGroupName, DeploymentRevision Revision)
{
    /// <summary>Null uses the deployment group's configuration.</summary>
    public string? DeploymentConfigName { get; init; }

    public string? Description { get; init; }

    /// <summary>"DISALLOW", "OVERWRITE" or "RETAIN" for files already on the instance.</summary>
    public string? FileExistsBehavior { get; init; }
}
