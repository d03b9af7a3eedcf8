using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BlueGreen.Core.Errors;

namespace BlueGreen.Core.Outputs;

/// <summary>
/// The <c>cause</c> of a FAILED execution, as JSON: what went wrong in words, whether blue was
/// restored, which group is live now, and the error's structured details. All four keys are
/// always written, null or not, because users' scripts read them.
/// </summary>
public sealed record FailureCause(
    string Message,
    bool RolledBack,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LiveGroup,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] JsonNode? Details)
{
    public static FailureCause From(DeploymentError error, bool rolledBack, string? liveGroup) =>
        new(error.Message, rolledBack, liveGroup, error.Details?.DeepClone());

    /// <summary>The cause as a Fail state carries it (JSON text); null when it is not one.</summary>
    public static FailureCause? Read(string? json)
    {
        try
        {
            return json is null ? null : System.Text.Json.JsonSerializer.Deserialize(json, Serialization.CoreJsonContext.Default.FailureCause);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
