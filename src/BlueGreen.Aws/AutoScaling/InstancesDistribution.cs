namespace BlueGreen.Aws.AutoScaling;

/// <summary>How a mixed-instances group splits On-Demand and Spot capacity.</summary>
public sealed record InstancesDistribution(
    string? OnDemandAllocationStrategy = null,
    int? OnDemandBaseCapacity = null,
    int? OnDemandPercentageAboveBaseCapacity = null,
    string? SpotAllocationStrategy = null,
    int? SpotInstancePools = null,
    string? SpotMaxPrice = null);
