namespace BlueGreen.Aws.CodeDeploy;

/// <summary>Instance counts by their state in the deployment.</summary>
public sealed record DeploymentOverview(long Pending, long InProgress, long Succeeded, long Failed, long Skipped, long Ready);
