namespace BlueGreen.Functions.Contracts;

/// <summary>Names of what the deployment may create, fixed up front so a retried step finds them.</summary>
public sealed record DeploymentResourceNames(string GreenGroup, string LaunchTemplate, string SettingsParameter);
