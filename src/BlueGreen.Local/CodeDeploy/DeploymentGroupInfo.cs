namespace BlueGreen.Local.CodeDeploy;

/// <summary>The parts of a deployment group the emulator needs.</summary>
public sealed record DeploymentGroupInfo(
    string ApplicationName,
    string DeploymentGroupName,
    string DeploymentConfigName,
    IReadOnlyList<string> AutoScalingGroups);
