namespace BlueGreen.Aws.CodeDeploy;

/// <param name="AutoScalingGroups">Names of the groups it deploys to.</param>
/// <param name="Ec2TagFilters">Instances it deploys to by tag (BlueGreen filters on the color tag).</param>
/// <param name="TargetGroupNames">Target groups CodeDeploy blocks and allows traffic on, if any.</param>
public sealed record DeploymentGroup(
    string ApplicationName,
    string Name,
    string? Id,
    string? ServiceRoleArn,
    string? DeploymentConfigName,
    IReadOnlyList<string> AutoScalingGroups,
    IReadOnlyList<Ec2TagFilter> Ec2TagFilters,
    IReadOnlyList<string> TargetGroupNames);
