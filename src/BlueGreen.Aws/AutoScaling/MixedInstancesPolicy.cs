namespace BlueGreen.Aws.AutoScaling;

/// <summary>Several instance types (and Spot) behind one launch template.</summary>
public sealed record MixedInstancesPolicy(
    LaunchTemplateReference LaunchTemplate,
    IReadOnlyList<InstanceTypeOverride> Overrides,
    InstancesDistribution? Distribution = null);
