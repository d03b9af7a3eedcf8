namespace BlueGreen.Aws.Ec2;

public sealed record LaunchTemplateInfo(
    string Id,
    string Name,
    long DefaultVersion,
    long LatestVersion,
    IReadOnlyDictionary<string, string> Tags);
