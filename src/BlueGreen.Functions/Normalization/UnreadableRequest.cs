using System.Text.Json;
using BlueGreen.Core.Errors;

namespace BlueGreen.Functions.Normalization;

/// <summary>An execution input the JSON reader refuses, as the user's <see cref="InvalidRequest"/>.</summary>
public static class UnreadableRequest
{
    // NormalizeRequest's own input wraps the execution input in "input" (the ASL's Parameters).
    private const string Wrapper = "$.input";

    public static InvalidRequest From(JsonException error) => new(
        UserPath(error.Path),
        $"cannot be read as JSON: {Reason(error.Message)}",
        "send plain JSON a few levels deep (the reader stops at 64 levels), with every number finite and in decimal: NaN, Infinity and -Infinity are not JSON numbers, and a number too large for a double arrives as Infinity");

    private static string UserPath(string? path) => path switch
    {
        null or "" => "$",
        _ when path.StartsWith(Wrapper, StringComparison.Ordinal) => "$" + path[Wrapper.Length..],
        _ => path,
    };

    // The reader's message ends with where it stopped ("Path: … | LineNumber: …"); the path is reported on its own.
    private static string Reason(string message)
    {
        var end = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.', ' ');
    }
}
