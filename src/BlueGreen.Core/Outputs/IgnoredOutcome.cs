using System.Text.Json.Serialization;
using BlueGreen.Core.Requests;

namespace BlueGreen.Core.Outputs;

/// <summary>
/// Output of an execution that an image event started and that deployed nothing, by design: the
/// image is not ready, no application claims it, or another deployment already has it. It ends
/// SUCCEEDED, so a failed-execution alarm only ever hears about real failures.
/// </summary>
/// <param name="Reason">Why nothing was deployed, in words.</param>
/// <param name="ImageId">The AMI, when the event led to one.</param>
/// <param name="Application">The application the AMI is tagged for, when it is.</param>
/// <param name="DeployedBy">The deployment that has this AMI, when that is the reason.</param>
public sealed record IgnoredOutcome(string Reason, TriggerKind Trigger, string? ImageId = null, string? Application = null, ImageClaimHolder? DeployedBy = null)
{
    public const string Ignored = "Ignored";

    /// <summary>Always <c>"Ignored"</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Outcome { get; init; } = Ignored;
}

/// <summary>The deployment that claimed an AMI first (see the one-deployment-per-AMI rule).</summary>
public sealed record ImageClaimHolder(string DeploymentId, string ExecutionArn, DateTimeOffset ClaimedAt);
