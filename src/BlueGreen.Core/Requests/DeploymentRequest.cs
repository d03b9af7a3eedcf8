using BlueGreen.Core.Settings;

namespace BlueGreen.Core.Requests;

/// <summary>
/// A validated deployment request: the console / CLI / CodePipeline JSON of DESIGN §4, or an
/// event once its application is known. Serializes back to the same JSON shape.
/// Reason: at most 256 characters (it becomes a tag value).
/// </summary>
public sealed record DeploymentRequest(
    string Application,
    string ImageId,
    DeploymentStrategy? Strategy = null,
    TrafficSettings? Traffic = null,
    CodeDeployOverride? CodeDeploy = null,
    string? Reason = null,
    bool DryRun = false)
{
    public const int MaxReasonLength = 256;
}
