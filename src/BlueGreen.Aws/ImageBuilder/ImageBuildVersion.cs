namespace BlueGreen.Aws.ImageBuilder;

/// <summary>One image build as GetImage describes it.</summary>
/// <param name="Status">The image's <c>state.status</c>: "AVAILABLE" once built, tested and
/// distributed; also "PENDING", "BUILDING", "TESTING", "DISTRIBUTING", "FAILED", "CANCELLED"…</param>
/// <param name="Amis">The AMIs it distributed (<c>outputResources.amis</c>), one per region and
/// account; empty until it is AVAILABLE.</param>
public sealed record ImageBuildVersion(string Arn, string Status, IReadOnlyList<ImageBuildAmi> Amis);
