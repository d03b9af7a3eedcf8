namespace BlueGreen.Aws.AutoScaling;

/// <summary>The parts of a (legacy) launch configuration needed to build an equivalent launch template.</summary>
/// <param name="UserData">Base64, as stored.</param>
public sealed record LaunchConfiguration(
    string Name,
    string ImageId,
    string InstanceType,
    string? KeyName,
    IReadOnlyList<string> SecurityGroups,
    string? UserData,
    string? IamInstanceProfile,
    bool? AssociatePublicIpAddress,
    bool? EbsOptimized,
    bool? DetailedMonitoring);
