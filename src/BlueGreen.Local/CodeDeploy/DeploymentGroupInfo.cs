namespace BlueGreen.Local.CodeDeploy;

/// <summary>The parts of a deployment group the emulator needs.</summary>
public sealed record DeploymentGroupInfo(
    string ApplicationName,
    string DeploymentGroupName,
    string DeploymentConfigName,
    IReadOnlyList<string> AutoScalingGroups)
{
    /// <summary>
    /// EC2 tag targeting as CodeDeploy applies it: an instance must match at least one filter of
    /// every set. A group's flat ec2TagFilters is one set; its ec2TagSet has up to three.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Ec2TagFilter>> Ec2TagSets { get; init; } = [];
}
