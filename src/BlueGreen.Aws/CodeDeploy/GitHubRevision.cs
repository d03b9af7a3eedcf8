namespace BlueGreen.Aws.CodeDeploy;

/// <param name="Repository">"owner/name".</param>
public sealed record GitHubRevision(string Repository, string CommitId);
