namespace BlueGreen.Aws.CodeDeploy;

/// <param name="ErrorCode">Why it failed, e.g. "HEALTH_CONSTRAINTS"; null otherwise.</param>
public sealed record CodeDeployDeployment(
    string Id,
    string ApplicationName,
    string DeploymentGroupName,
    DeploymentStatus Status,
    string? ErrorCode,
    string? ErrorMessage,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? CompletedAt,
    DeploymentOverview Overview)
{
    /// <summary>The description given at creation (BlueGreen names its deployment id there).</summary>
    public string? Description { get; init; }
}
