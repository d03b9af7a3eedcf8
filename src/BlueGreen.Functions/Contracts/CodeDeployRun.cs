namespace BlueGreen.Functions.Contracts;

/// <summary>The CodeDeploy deployment made to the green fleet.</summary>
public sealed record CodeDeployRun(string DeploymentId, string Application, string DeploymentGroup, DateTimeOffset StartedAt);
