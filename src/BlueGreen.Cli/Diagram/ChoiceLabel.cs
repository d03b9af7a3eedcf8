using System.Globalization;
using System.Text.Json.Nodes;

namespace BlueGreen.Cli.Diagram;

/// <summary>
/// A Choice rule in a few words: the variable's last two path segments and the test, e.g.
/// <c>{"Variable": "$.deployment.dryRun", "BooleanEquals": true}</c> → <c>deployment.dryRun = true</c>,
/// <c>IsPresent: false</c> → <c>… absent</c>; And/Or/Not joined in words.
/// </summary>
internal static class ChoiceLabel
{
    private static readonly (string Suffix, string Operator)[] Comparisons =
    [
        ("LessThanEquals", "<="),
        ("GreaterThanEquals", ">="),
        ("LessThan", "<"),
        ("GreaterThan", ">"),
        ("Equals", "="),
        ("Matches", "matches"),
    ];

    public static string Of(JsonNode rule) => rule switch
    {
        JsonObject conjunction when conjunction["And"] is JsonArray all => string.Join(" and ", all.Select(r => Of(r!))),
        JsonObject disjunction when disjunction["Or"] is JsonArray any => "(" + string.Join(" or ", any.Select(r => Of(r!))) + ")",
        JsonObject negation when negation["Not"] is JsonNode inner => "not " + Of(inner),
        JsonObject test when test["Variable"] is JsonValue variable => Test(Short(variable.GetValue<string>()), test),
        JsonObject jsonata when jsonata["Condition"] is JsonValue condition => condition.GetValue<string>(),
        _ => rule.ToJsonString(),
    };

    /// <summary>A JSONPath in short words: its last two segments (<c>$.a.b.c</c> → <c>b.c</c>).</summary>
    public static string Short(string path)
    {
        var segments = path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 0 ? path : string.Join('.', segments.TakeLast(2));
    }

    private static string Test(string variable, JsonObject test)
    {
        foreach (var (key, value) in test)
        {
            if (key is "Variable" or "Next")
            {
                continue;
            }

            if (key.StartsWith("Is", StringComparison.Ordinal))
            {
                var yes = value is JsonValue flag && flag.TryGetValue<bool>(out var b) && b;
                return key switch
                {
                    "IsPresent" => $"{variable} {(yes ? "present" : "absent")}",
                    _ => $"{variable} {(yes ? "is" : "is not")} {key[2..].ToLowerInvariant()}",
                };
            }

            var isPath = key.EndsWith("Path", StringComparison.Ordinal);
            var comparison = isPath ? key[..^"Path".Length] : key;
            var (_, op) = Comparisons.FirstOrDefault(c => comparison.EndsWith(c.Suffix, StringComparison.Ordinal));
            var operand = isPath ? Short(value!.GetValue<string>()) : Literal(value);
            return $"{variable} {op ?? comparison} {operand}";
        }

        return variable;
    }

    private static string Literal(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        JsonValue v when v.TryGetValue<decimal>(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => value?.ToJsonString() ?? "null",
    };
}
