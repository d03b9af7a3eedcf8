using System.Text.Json.Serialization;

namespace BlueGreen.Core.Settings;

/// <summary>How green's share of traffic grows; names follow CodeDeploy's traffic routing types.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrafficType>))]
public enum TrafficType
{
    /// <summary>0 → 100 in one step.</summary>
    [JsonStringEnumMemberName("AllAtOnce")] AllAtOnce,

    /// <summary><c>percent</c>, bake <c>intervalSeconds</c>, then 100.</summary>
    [JsonStringEnumMemberName("Canary")] Canary,

    /// <summary><c>percent</c> more every <c>intervalSeconds</c> until 100.</summary>
    [JsonStringEnumMemberName("Linear")] Linear,
}
