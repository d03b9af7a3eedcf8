namespace BlueGreen.Functions.CodeDeployment;

/// <summary>
/// The description BlueGreen gives its CodeDeploy deployments. It names the deployment id, so a
/// retried DeployRevision (or RollBack) finds the deployment already made for this execution.
/// </summary>
public static class DeploymentDescription
{
    public static string For(string deploymentId, string application, string imageId, string greenGroup) =>
        $"{Marker(deploymentId)}: {application} image {imageId} on green group {greenGroup}";

    public static bool Names(string? description, string deploymentId) =>
        description is not null && description.Contains(Marker(deploymentId), StringComparison.Ordinal);

    private static string Marker(string deploymentId) => $"BlueGreen deployment {deploymentId}";
}
