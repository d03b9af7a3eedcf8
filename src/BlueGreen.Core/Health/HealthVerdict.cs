using System.Text.Json.Nodes;
using BlueGreen.Core.Errors;

namespace BlueGreen.Core.Health;

/// <summary>The outcome of one health check of green, with the reasons when it is not healthy.</summary>
public sealed record HealthVerdict(
    bool IsHealthy,
    int HealthyCount,
    int RequiredCount,
    int DesiredCapacity,
    IReadOnlyList<UnhealthyInstance> Unhealthy,
    IReadOnlyList<string> FiringAlarms)
{
    /// <summary>One sentence for logs and error messages.</summary>
    public string Summary =>
        $"{HealthyCount} of {DesiredCapacity} green instances healthy, {RequiredCount} required"
        + (FiringAlarms.Count > 0 ? $"; alarms in ALARM: {string.Join(", ", FiringAlarms)}" : "")
        + (Unhealthy.Count > 0 ? $"; {string.Join("; ", Unhealthy.Select(u => $"{u.InstanceId}: {string.Join(", ", u.Reasons)}"))}" : "");

    /// <summary>The error CheckGreenHealth raises when time is up.</summary>
    public GreenUnhealthy ToError(int timeoutSeconds) => new(
        $"Green was not healthy within {timeoutSeconds} seconds: {Summary}.",
        new JsonObject
        {
            ["healthy"] = HealthyCount,
            ["required"] = RequiredCount,
            ["desired"] = DesiredCapacity,
            ["instances"] = new JsonArray(Unhealthy.Select(u => (JsonNode)new JsonObject
            {
                ["instanceId"] = u.InstanceId,
                ["reasons"] = new JsonArray(u.Reasons.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()),
            }).ToArray()),
            ["alarms"] = new JsonArray(FiringAlarms.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
        });
}
