using BlueGreen.Core.Errors;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Serialization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Recovery;

namespace BlueGreen.Functions.Rollback;

/// <summary>
/// The error a Catch recorded, read back into words: a Lambda's Cause is the JSON
/// <c>{"errorType", "errorMessage", …}</c>; a Step Functions error's (States.Timeout…) is plain text.
/// </summary>
public sealed record OriginalFailure(string Error, string Message, JsonNode? Details)
{
    public const string UnknownError = "Unknown";

    /// <summary>The execution's ending: this error's name, and the cause as the contract's JSON.</summary>
    public RollbackOutcome ToOutcome(bool rolledBack, string? liveGroup)
    {
        var ending = Documented();
        return new(ending.Error, JsonSerializer.Serialize(new FailureCause(ending.Message, rolledBack, liveGroup, ending.Details), CoreJsonContext.Default.FailureCause));
    }

    /// <summary>A name outside the documented list (Lambda.ServiceException after its retries,
    /// States.Timeout…) ends as <see cref="UnexpectedError"/> carrying the original name and message;
    /// a handler's UnexpectedError gets its {type, message} back from its message. A cleanup's
    /// DeploymentStopped is no error of ours: its message (when and where it stopped) is kept as is.</summary>
    private OriginalFailure Documented()
    {
        if (Error == nameof(UnexpectedError))
        {
            return this with { Details = Details ?? UnexpectedError.DetailsFromMessage(Message) };
        }

        if (DeploymentErrors.Names.Contains(Error) || Error == StoppedDeploymentRecovery.DeploymentStopped)
        {
            return this;
        }

        var unexpected = new UnexpectedError(Error, Message);
        return new(nameof(UnexpectedError), unexpected.Message, unexpected.Details);
    }

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
