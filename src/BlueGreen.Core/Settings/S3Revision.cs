namespace BlueGreen.Core.Settings;

/// <summary>A CodeDeploy revision stored in S3 (<c>version</c>/<c>eTag</c> pin an exact object).</summary>
public sealed record S3Revision(string Bucket, string Key, BundleType BundleType, string? Version = null, string? ETag = null);
