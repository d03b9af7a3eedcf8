namespace BlueGreen.Aws.Ec2;

/// <summary>The launch template settings BlueGreen writes. In a new version, unset values are
/// inherited from the source version.</summary>
public sealed record LaunchTemplateData
{
    public string? ImageId { get; init; }

    public string? InstanceType { get; init; }

    public string? KeyName { get; init; }

    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    /// <summary>Base64, as EC2 stores it.</summary>
    public string? UserData { get; init; }

    /// <summary>Instance profile name (or ARN).</summary>
    public string? IamInstanceProfile { get; init; }

    public bool? EbsOptimized { get; init; }

    public bool? DetailedMonitoring { get; init; }
}
