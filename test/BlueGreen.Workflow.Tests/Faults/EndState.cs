using System.Text.Json.Nodes;
using BlueGreen.Local;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>How an execution ended, as the invariants read it: whether it promoted, its error, and
/// the live group its output or cause names.</summary>
public sealed record EndState(string Status, string? Error, bool Promoted, string? NamedLiveGroup, string? Cause)
{
    public static EndState Of(ExecutionResult result)
    {
        var output = Parse(result.Output);
        var cause = Parse(result.Cause);
        var promoted = result.Status == "SUCCEEDED" && output?["outcome"]?.GetValue<string>() == "Promoted";
        var named = (output?["liveGroup"] ?? cause?["liveGroup"]) is JsonValue value && value.TryGetValue<string>(out var group) ? group : null;
        return new EndState(result.Status, result.Error, promoted, named, result.Cause);
    }

    public static EndState StillRunning { get; } = new("RUNNING", null, false, null, null);

    /// <summary>"Promoted", the error name, or the status when neither applies.</summary>
    public string Outcome => Promoted ? "Promoted" : Error ?? Status;

    private static JsonObject? Parse(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
