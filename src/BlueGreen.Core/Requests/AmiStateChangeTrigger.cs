using System.Text.Json.Serialization;

namespace BlueGreen.Core.Requests;

/// <summary>An EventBridge <c>EC2 AMI State Change</c> event whose AMI became available.</summary>
public sealed record AmiStateChangeTrigger(string ImageId, string? Region = null, string? Account = null, string? EventId = null)
    : DeploymentTrigger
{
    [JsonIgnore]
    public override TriggerKind Kind => TriggerKind.AmiStateChange;

    public override string ImageId { get; } = ImageId;

    public override DeploymentRequest ToRequest(string? taggedApplication) =>
        FromTag(taggedApplication, $"AMI {ImageId} became available (EventBridge event {EventId ?? "without id"})");
}
