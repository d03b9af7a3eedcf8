using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BlueGreen.Workflow.Tests.Definition;

/// <summary>statemachine/bluegreen.asl.json read as JSON, with the walks the checks share.</summary>
internal sealed partial class StateMachineDefinition
{
    private StateMachineDefinition(string text)
    {
        Text = text;
        Root = JsonNode.Parse(text)!.AsObject();
    }

    public string Text { get; }

    public JsonObject Root { get; }

    public static StateMachineDefinition Load() =>
        new(File.ReadAllText(RepositoryRoot.File("statemachine", "bluegreen.asl.json")));

    /// <summary>Every state, nested ones (Map/Parallel branches) included, with the states map it belongs to.</summary>
    public IEnumerable<(string Name, JsonObject State, JsonObject Scope)> States() => StatesOf(Root);

    public IEnumerable<string> Substitutions() =>
        Placeholder().Matches(Text).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>Where a state can go next: Next, Default, Choice branches, Catch targets.</summary>
    public static IEnumerable<string> Transitions(JsonObject state)
    {
        foreach (var key in new[] { "Next", "Default" })
        {
            if (state[key] is JsonValue value)
            {
                yield return value.GetValue<string>();
            }
        }

        foreach (var list in new[] { "Choices", "Catch" })
        {
            foreach (var item in state[list]?.AsArray() ?? [])
            {
                if (item?["Next"] is JsonValue next)
                {
                    yield return next.GetValue<string>();
                }
            }
        }
    }

    private static IEnumerable<(string, JsonObject, JsonObject)> StatesOf(JsonObject machine)
    {
        var scope = machine["States"]!.AsObject();
        foreach (var (name, node) in scope)
        {
            var state = node!.AsObject();
            yield return (name, state, scope);
            IEnumerable<JsonObject> nested = state["Branches"] is JsonArray branches
                ? branches.Select(b => b!.AsObject())
                : (state["ItemProcessor"] ?? state["Iterator"]) is JsonObject processor ? [processor] : [];
            foreach (var child in nested.SelectMany(StatesOf))
            {
                yield return child;
            }
        }
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9:]+)\}")]
    private static partial Regex Placeholder();
}
