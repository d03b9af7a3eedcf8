using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BlueGreen.Core.Errors;

/// <summary>
/// Anything that is neither a domain error nor <see cref="Transient"/> — a defect, or an answer no
/// step plans for — under one documented name, so no execution ends with an undocumented one. The
/// message and <see cref="DeploymentError.Details"/> <c>{type, message}</c> carry the original
/// error's type name and message, never a stack trace or the request.
/// </summary>
public sealed partial class UnexpectedError : DeploymentError
{
    /// <param name="type">The original exception's type name, or the error name Step Functions recorded.</param>
    /// <param name="message">The original message.</param>
    /// <param name="step">The step it happened in, when known.</param>
    public UnexpectedError(string type, string message, string? step = null, Exception? innerException = null)
        : base(Describe(type, message, step), ToDetails(type, message), innerException)
    {
    }

    public static UnexpectedError From(Exception error, string step) => new(error.GetType().Name, error.Message, step, error);

    /// <summary>
    /// <c>{type, message}</c> read back from this error's message: a Lambda function error crosses
    /// into the state machine as its type name and message only. Null for any other text.
    /// </summary>
    public static JsonObject? DetailsFromMessage(string message) =>
        Described().Match(message) is { Success: true } match
            ? ToDetails(match.Groups["type"].Value, match.Groups["message"].Value)
            : null;

    private static string Describe(string type, string message, string? step) =>
        step is null ? $"Unexpected {type}: {message}" : $"Unexpected {type} in {step}: {message}";

    private static JsonObject ToDetails(string type, string message) => new() { ["type"] = type, ["message"] = message };

    [GeneratedRegex(@"^Unexpected (?<type>\S+?)(?: in \S+)?: (?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex Described();
}
