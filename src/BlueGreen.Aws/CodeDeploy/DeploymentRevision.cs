namespace BlueGreen.Aws.CodeDeploy;

/// <summary>Where the application bundle is: set <see cref="S3"/> or <see cref="GitHub"/>.</summary>
public sealed record DeploymentRevision(S3Revision? S3 = null, GitHubRevision? GitHub = null);
