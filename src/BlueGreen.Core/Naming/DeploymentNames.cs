using BlueGreen.Core.Requests;

namespace BlueGreen.Core.Naming;

/// <summary>
/// Names of everything a deployment creates, derived only from application and deployment id so
/// a retried step finds what it made. Longest possible: 32 + 1 + 12 (+ 10) characters, far
/// below the ASG (255) and launch template (128) limits; <see cref="Fit"/> still guards them.
/// </summary>
public sealed record DeploymentNames
{
    public const int MaxAutoScalingGroupName = 255;
    public const int MaxLaunchTemplateName = 128;
    public const int MaxTagValue = 256;

    private DeploymentNames(string application, string deploymentId)
    {
        Application = application;
        DeploymentId = deploymentId;
        GreenGroup = Fit($"{application}-{deploymentId}", MaxAutoScalingGroupName);
        LaunchTemplate = Fit($"bluegreen-{application}-{deploymentId}", MaxLaunchTemplateName);
    }

    public string Application { get; }

    public string DeploymentId { get; }

    /// <summary>The green Auto Scaling group: <c>&lt;app&gt;-&lt;id&gt;</c>.</summary>
    public string GreenGroup { get; }

    /// <summary>Launch template made only when blue uses a launch configuration.</summary>
    public string LaunchTemplate { get; }

    /// <summary>The SSM parameter holding the settings.</summary>
    public string SettingsParameter => $"/bluegreen/applications/{Application}";

    /// <summary>The lock table's partition key: one deployment per application.</summary>
    public string LockKey => Application;

    public static DeploymentNames For(string application, string deploymentId)
    {
        if (!ApplicationName.IsValid(application))
        {
            throw new ArgumentException($"\"{application}\" is not a valid application name ({ApplicationName.Pattern}).", nameof(application));
        }

        if (!Naming.DeploymentId.IsValid(deploymentId))
        {
            throw new ArgumentException($"\"{deploymentId}\" is not a deployment id; derive it with DeploymentId.FromExecution.", nameof(deploymentId));
        }

        return new DeploymentNames(application, deploymentId);
    }

    public static DeploymentNames ForExecution(string application, string execution) =>
        For(application, Naming.DeploymentId.FromExecution(execution));

    /// <summary>Cuts a name to <paramref name="max"/> keeping its (unique) end, where the id is.</summary>
    public static string Fit(string name, int max) => name.Length <= max ? name : name[^max..].TrimStart('-');
}
