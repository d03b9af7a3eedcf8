namespace BlueGreen.Aws.ImageBuilder;

public sealed record ImageBuildVersion(string Arn, string Status, IReadOnlyList<ImageBuildAmi> Amis);
