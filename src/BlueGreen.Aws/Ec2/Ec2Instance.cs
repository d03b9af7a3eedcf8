namespace BlueGreen.Aws.Ec2;

/// <param name="State">"pending", "running", "terminated"...</param>
public sealed record Ec2Instance(
    string InstanceId,
    string State,
    string? ImageId,
    string? InstanceType,
    string? AvailabilityZone,
    string? PrivateIpAddress,
    DateTimeOffset? LaunchedAt,
    IReadOnlyDictionary<string, string> Tags);
