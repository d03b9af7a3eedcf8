namespace BlueGreen.Core.Settings;

/// <summary>A CodeDeploy revision in GitHub: <c>owner/repository</c> and a full 40-hex commit id.</summary>
public sealed record GitHubRevision(string Repository, string CommitId);
