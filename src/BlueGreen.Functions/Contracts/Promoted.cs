namespace BlueGreen.Functions.Contracts;

/// <summary>What PromoteGreen did (<c>ResultPath: "$.promoted"</c>): <see cref="LiveGroup"/> now
/// carries the color tag's live (blue) value; <see cref="RetiredGroup"/>, the old blue, carries
/// no color tag and is tagged <c>bluegreen:retired-by</c> with the deployment id.</summary>
public sealed record Promoted(string LiveGroup, string RetiredGroup, string ColorTagKey, DateTimeOffset PromotedAt);
