using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BlueGreen.Cli.Diagram;

/// <summary>
/// An Amazon States Language definition as a Mermaid <c>stateDiagram-v2</c>: one node per state
/// (Parallel branches and Map processors as composite states), an arrow per <c>Next</c>, each
/// Choice rule's arrow labelled with its condition in short words, <c>Default</c> as "otherwise",
/// each <c>Catch</c> arrow labelled with its error names, and every end (<c>End</c>, Succeed,
/// Fail) to <c>[*]</c>. Node colors tell the state types apart. Deterministic: states in the
/// definition's order, so the diagram in docs/how-it-works.md can be compared with a fresh one.
/// </summary>
public static partial class StateMachineDiagram
{
    private static readonly (string Type, string Class, string Style)[] Classes =
    [
        ("Choice", "choice", "fill:#fff4d6,stroke:#b58900"),
        ("Wait", "wait", "fill:#e8eef7,stroke:#4a6fa5"),
        ("Pass", "pass", "fill:#f2f2f2,stroke:#777777"),
        ("Succeed", "succeed", "fill:#e3f4e1,stroke:#2e7d32"),
        ("Fail", "fail", "fill:#fbe3e1,stroke:#c62828"),
    ];

    public static string ToMermaid(string definitionJson) =>
        ToMermaid(JsonNode.Parse(definitionJson)?.AsObject() ?? throw new ArgumentException("the definition is not a JSON object", nameof(definitionJson)));

    public static string ToMermaid(JsonObject definition)
    {
        var ids = new Ids();
        var lines = new List<string> { "stateDiagram-v2" };
        lines.AddRange(Classes.Select(c => $"    classDef {c.Class} {c.Style}"));
        Machine(definition, "    ", ids, lines);

        var classes = Classes
            .Select(c => (c.Class, States: ids.OfType(c.Type)))
            .Where(c => c.States.Count > 0)
            .Select(c => $"    class {string.Join(", ", c.States)} {c.Class}");
        lines.AddRange(classes);
        return string.Join('\n', lines) + "\n";
    }

    private static void Machine(JsonObject machine, string indent, Ids ids, List<string> lines)
    {
        var states = machine["States"]?.AsObject() ?? throw new ArgumentException("a state machine without States");
        var startAt = machine["StartAt"]?.GetValue<string>() ?? throw new ArgumentException("a state machine without StartAt");
        foreach (var (name, state) in states)
        {
            ids.Add(name, state!["Type"]?.GetValue<string>() ?? "?");
        }

        foreach (var (name, _) in states.Where(s => ids.NeedsAlias(s.Key)))
        {
            lines.Add($"{indent}state \"{Text(name)}\" as {ids[name]}");
        }

        lines.Add($"{indent}[*] --> {ids[startAt]}");
        foreach (var (name, node) in states)
        {
            State(name, node!.AsObject(), indent, ids, lines);
        }
    }

    private static void State(string name, JsonObject state, string indent, Ids ids, List<string> lines)
    {
        var id = ids[name];
        var type = state["Type"]!.GetValue<string>();
        if (Description(type, state) is { } description)
        {
            lines.Add($"{indent}{id} : {Text(description)}");
        }

        if (type is "Parallel" or "Map")
        {
            var machines = type == "Parallel"
                ? state["Branches"]?.AsArray().Select(b => b!.AsObject()).ToList() ?? []
                : [(state["ItemProcessor"] ?? state["Iterator"])?.AsObject() ?? throw new ArgumentException($"{name}: a Map without ItemProcessor")];
            lines.Add($"{indent}state {id} {{");
            for (var i = 0; i < machines.Count; i++)
            {
                if (i > 0)
                {
                    lines.Add($"{indent}    --");
                }

                Machine(machines[i], indent + "    ", ids, lines);
            }

            lines.Add($"{indent}}}");
        }

        if (type == "Choice")
        {
            foreach (var rule in state["Choices"]?.AsArray() ?? [])
            {
                lines.Add($"{indent}{id} --> {ids[rule!["Next"]!.GetValue<string>()]} : {Text(ChoiceLabel.Of(rule))}");
            }

            if (state["Default"] is JsonValue fallback)
            {
                lines.Add($"{indent}{id} --> {ids[fallback.GetValue<string>()]} : otherwise");
            }
        }

        if (state["Next"] is JsonValue next)
        {
            lines.Add($"{indent}{id} --> {ids[next.GetValue<string>()]}");
        }

        foreach (var handler in state["Catch"]?.AsArray() ?? [])
        {
            var errors = string.Join(", ", handler!["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>()));
            lines.Add($"{indent}{id} --> {ids[handler["Next"]!.GetValue<string>()]} : {Text(errors)}");
        }

        var ends = type is "Succeed" or "Fail" || (state["End"] is JsonValue end && end.GetValue<bool>());
        if (ends)
        {
            lines.Add($"{indent}{id} --> [*]");
        }
    }

    /// <summary>What a node says under its name: how long a Wait waits, what a Fail fails with.</summary>
    private static string? Description(string type, JsonObject state) => type switch
    {
        "Wait" when state["Seconds"] is JsonValue seconds => $"wait {seconds.GetValue<decimal>().ToString(CultureInfo.InvariantCulture)} s",
        "Wait" when state["SecondsPath"] is JsonValue path => $"wait {ChoiceLabel.Short(path.GetValue<string>())}",
        "Wait" when state["Timestamp"] is JsonValue at => $"wait until {at.GetValue<string>()}",
        "Wait" when state["TimestampPath"] is JsonValue atPath => $"wait until {ChoiceLabel.Short(atPath.GetValue<string>())}",
        "Fail" when state["Error"] is JsonValue error => $"error {error.GetValue<string>()}",
        "Fail" when state["ErrorPath"] is JsonValue errorPath => $"error from {ChoiceLabel.Short(errorPath.GetValue<string>())}",
        _ => null,
    };

    /// <summary>Label text Mermaid reads as text: no statement separators, quotes or braces.</summary>
    private static string Text(string text) => Unsafe().Replace(text, " ").Trim();

    [GeneratedRegex("[;\"{}#:\\r\\n]+")]
    private static partial Regex Unsafe();

    /// <summary>Mermaid ids for ASL state names: the name itself when it is a plain identifier,
    /// else <c>s1</c>, <c>s2</c>, … declared with the name as its label.</summary>
    private sealed partial class Ids
    {
        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
        private readonly List<(string Id, string Type)> _types = [];

        public string this[string name] =>
            _ids.TryGetValue(name, out var id) ? id : throw new ArgumentException($"no state named {name}");

        public void Add(string name, string type)
        {
            var id = Identifier().IsMatch(name) ? name : $"s{_ids.Count + 1}";
            _ids[name] = id;
            _types.Add((id, type));
        }

        public bool NeedsAlias(string name) => this[name] != name;

        public IReadOnlyList<string> OfType(string type) => _types.Where(t => t.Type == type).Select(t => t.Id).ToList();

        [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
        private static partial Regex Identifier();
    }
}
