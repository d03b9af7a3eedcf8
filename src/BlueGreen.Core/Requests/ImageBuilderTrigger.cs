using System.Text.Json.Serialization;

namespace BlueGreen.Core.Requests;

/// <summary>
/// An EventBridge <c>EC2 Image Builder Image State Change</c> event whose image became available;
/// <see cref="ImageId"/> is the output AMI in the event's region.
/// </summary>
public sealed record ImageBuilderTrigger(string ImageId, string ImageArn, string? Region = null, string? Account = null, string? EventId = null)
    : DeploymentTrigger
{
    [JsonIgnore]
    public override TriggerKind Kind => TriggerKind.ImageBuilder;

    public override string ImageId { get; } = ImageId;

    public override DeploymentRequest ToRequest(string? taggedApplication) =>
        FromTag(taggedApplication, $"Image Builder image {ImageArn} became available as {ImageId}");
}
