using System.Text.Json;
using BlueGreen.Core.Errors;

namespace BlueGreen.Core.Internal;

/// <summary>Parses JSON text, turning syntax errors into an <see cref="InvalidRequest"/> with the position.</summary>
internal static class JsonInput
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static JsonDocument Parse(string json, string what, string example)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            throw new InvalidRequest(JsonPath.Root, $"the {what} is not valid JSON{where}", $"fix the JSON syntax (quotes, commas, braces); for example {example}");
        }
    }
}
