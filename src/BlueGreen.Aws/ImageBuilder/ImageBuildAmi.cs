namespace BlueGreen.Aws.ImageBuilder;

/// <summary>One AMI an image build distributed.</summary>
/// <param name="ImageId">e.g. "ami-0abc1234def567890".</param>
/// <param name="AccountId">The account that owns the AMI; null when the service does not say.</param>
public sealed record ImageBuildAmi(string Region, string ImageId, string? AccountId, string? Name);
