namespace BlueGreen.Aws.Ec2;

/// <param name="State">"available", "pending", "failed"...</param>
public sealed record MachineImage(
    string ImageId,
    string? Name,
    string? OwnerId,
    string State,
    string? Architecture,
    DateTimeOffset? CreatedAt,
    IReadOnlyDictionary<string, string> Tags);
