using System.Text.Json.Serialization;

namespace BlueGreen.Core.Settings;

/// <summary>How traffic moves from blue to green (settings and request <c>strategy</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeploymentStrategy>))]
public enum DeploymentStrategy
{
    /// <summary>Attach green to blue's target groups, then detach blue.</summary>
    [JsonStringEnumMemberName("swap")] Swap,

    /// <summary>Two target groups on one ALB listener; green's weight goes 0 → 100.</summary>
    [JsonStringEnumMemberName("weighted")] Weighted,

    /// <summary>One ALB per color behind Route 53 weighted records.</summary>
    [JsonStringEnumMemberName("dns")] Dns,

    /// <summary>One ASG: new launch template version, expand, then contract oldest first.</summary>
    [JsonStringEnumMemberName("in-group")] InGroup,
}
