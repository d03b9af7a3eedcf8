using System.Text.Json.Serialization;

namespace BlueGreen.Core.Health;

/// <summary>What the CheckGreenHealth loop does next: the state machine's Choice reads it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HealthDecision>))]
public enum HealthDecision
{
    [JsonStringEnumMemberName("Healthy")] Healthy,
    [JsonStringEnumMemberName("Wait")] Wait,
    [JsonStringEnumMemberName("TimedOut")] TimedOut,
}
