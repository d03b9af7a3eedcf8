namespace BlueGreen.Aws.CodeDeploy;

/// <param name="BundleType">"zip", "tar", "tgz", "YAML" or "JSON".</param>
public sealed record S3Revision(string Bucket, string Key, string BundleType, string? Version = null, string? ETag = null);
