namespace BlueGreen.Aws.ImageBuilder;

public sealed record ImageBuildAmi(string Region, string ImageId, string? AccountId, string? Name);
