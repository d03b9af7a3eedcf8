using System.Text.Json.Serialization;

namespace BlueGreen.Core.Requests;

/// <summary>
/// An EventBridge <c>EC2 Image Builder Image State Change</c> event. It names the image build
/// version (<see cref="ImageArn"/>, the event's <c>resources[0]</c>) and its status, not the AMIs:
/// those are in <c>imagebuilder:GetImage</c>'s <c>outputResources.amis</c>, one per region.
/// </summary>
public sealed record ImageBuilderTrigger(string ImageArn, string State, string? Region = null, string? Account = null, string? EventId = null)
    : ImageEventTrigger
{
    [JsonIgnore]
    public override TriggerKind Kind => TriggerKind.ImageBuilder;

    public override string State { get; } = State;

    public override string? Region { get; } = Region;

    public override string? EventId { get; } = EventId;

    [JsonIgnore]
    public override bool IsAvailable => string.Equals(State, "AVAILABLE", StringComparison.OrdinalIgnoreCase);

    [JsonIgnore]
    public override string Subject => $"Image Builder image {ImageArn}";

    public override string Describe(string imageId) =>
        $"Image Builder image {ImageArn} became {State} as {imageId}";
}
