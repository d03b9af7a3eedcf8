using BlueGreen.Core.Outputs;
using BlueGreen.Core.Serialization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Rollback;

/// <summary>
/// The error a Catch recorded, read back into words: a Lambda's Cause is the JSON
/// <c>{"errorType", "errorMessage", …}</c>; a Step Functions error's (States.Timeout…) is plain text.
/// </summary>
public sealed record OriginalFailure(string Error, string Message, JsonNode? Details)
{
    public const string UnknownError = "Unknown";

    /// <summary>The execution's ending: this error's name, and the cause as the contract's JSON.</summary>
    public RollbackOutcome ToOutcome(bool rolledBack, string? liveGroup) =>
        new(Error, JsonSerializer.Serialize(new FailureCause(Message, rolledBack, liveGroup, Details), CoreJsonContext.Default.FailureCause));

    public static OriginalFailure From(StepFailure? failure)
    {
        var error = failure?.Error is { Length: > 0 } name ? name : UnknownError;
        var cause = failure?.Cause?.Trim();
        if (string.IsNullOrEmpty(cause))
        {
            return new(error, $"The deployment failed with {error}.", null);
        }

        if (cause.StartsWith('{'))
        {
            try
            {
                if (JsonNode.Parse(cause) is JsonObject json)
                {
                    var message = json["errorMessage"] is JsonValue m && m.TryGetValue<string>(out var text) && text.Length > 0 ? text : cause;
                    return new(error, message, json["details"]?.DeepClone());
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: the text itself is the message.
            }
        }

        return new(error, cause, null);
    }
}
