namespace BlueGreen.Aws.Ec2;

/// <summary>DescribeImages criteria; all that are set must match.</summary>
public sealed record ImageQuery
{
    public IReadOnlyList<string> ImageIds { get; init; } = [];

    /// <summary>Account ids, or "self" / "amazon".</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>e.g. "available"; null for any state.</summary>
    public string? State { get; init; }
}
