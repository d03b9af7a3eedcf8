using System.Text.Json.Nodes;
using BlueGreen.Local;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>How an execution ended, as the invariants read it: whether it promoted, its error, and
/// the live group its output or cause names, and the warnings of a promotion (decision 20).</summary>
public sealed record EndState(string Status, string? Error, bool Promoted, string? NamedLiveGroup, string? Cause)
{
    public string? ExecutionArn { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static EndState Of(ExecutionResult result)
    {
        var output = Parse(result.Output);
        var cause = Parse(result.Cause);
        var promoted = result.Status == "SUCCEEDED" && output?["outcome"]?.GetValue<string>() == "Promoted";
        var named = (output?["liveGroup"] ?? cause?["liveGroup"]) is JsonValue value && value.TryGetValue<string>(out var group) ? group : null;
        var warnings = output?["warnings"] is JsonArray list ? list.Select(w => w!.GetValue<string>()).ToList() : [];
        return new EndState(result.Status, result.Error, promoted, named, result.Cause) { ExecutionArn = result.ExecutionArn, Warnings = warnings };
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
