using System.Text.Json.Serialization;

namespace BlueGreen.Core.Requests;

/// <summary>An EventBridge <c>EC2 AMI State Change</c> event: the AMI and the state it reached.</summary>
public sealed record AmiStateChangeTrigger(string ImageId, string State, string? Region = null, string? Account = null, string? EventId = null)
    : ImageEventTrigger
{
    [JsonIgnore]
    public override TriggerKind Kind => TriggerKind.AmiStateChange;

    public override string State { get; } = State;

    public override string? Region { get; } = Region;

    public override string? EventId { get; } = EventId;

    [JsonIgnore]
    public override bool IsAvailable => string.Equals(State, "available", StringComparison.OrdinalIgnoreCase);

    [JsonIgnore]
    public override string Subject => $"AMI {ImageId}";

    public override string Describe(string imageId) =>
        $"AMI {imageId} became {State} (EventBridge event {EventId ?? "without id"})";
}
