namespace BlueGreen.Aws.AutoScaling;

public sealed record InstanceTypeOverride(string InstanceType, string? WeightedCapacity = null);
