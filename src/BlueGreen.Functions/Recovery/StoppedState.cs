using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Aws.StepFunctions;

namespace BlueGreen.Functions.Recovery;

/// <summary>
/// Where a stopped execution was and what it knew: the input of its last <c>…StateEntered</c>
/// event is the whole state document (<c>$</c>) at that point, since every state of the workflow
/// receives <c>$</c> as input. Read from the end of the history (one reverse-ordered page).
/// </summary>
public sealed record StoppedState(string? StateName, JsonObject? Document)
{
    private const int Page = 200;

    public static async Task<StoppedState> ReadAsync(IStepFunctions stepFunctions, string executionArn, CancellationToken cancellationToken)
    {
        var entered = LastEntered(await stepFunctions.GetLatestHistoryAsync(executionArn, Page, cancellationToken))
            // Longer than a page without entering a state is unlikely (a Retry loop); read it all then.
            ?? LastEntered(await stepFunctions.GetExecutionHistoryAsync(executionArn, cancellationToken));
        if (entered?.Details is not { } details || JsonNode.Parse(details) is not JsonObject detail)
        {
            return new StoppedState(null, null);
        }

        var name = detail["name"]?.GetValue<string>() ?? entered.StateName;
        try
        {
            return new StoppedState(name, detail["input"] is JsonValue input ? JsonNode.Parse(input.GetValue<string>()) as JsonObject : null);
        }
        catch (JsonException)
        {
            return new StoppedState(name, null);
        }
    }

    private static HistoryEvent? LastEntered(IEnumerable<HistoryEvent> events) =>
        events.Where(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal)).MaxBy(e => e.Id);

    public string? Text(params string[] path)
    {
        JsonNode? node = Document;
        foreach (var key in path)
        {
            node = node is JsonObject map ? map[key] : null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
