using System.Text.Json.Serialization;

namespace BlueGreen.Core.Settings;

/// <summary>Exactly one of <see cref="S3"/> or <see cref="GitHub"/> is set.</summary>
public sealed record CodeDeployRevision(S3Revision? S3 = null, [property: JsonPropertyName("github")] GitHubRevision? GitHub = null);
