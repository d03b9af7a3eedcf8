using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BlueGreen.Local.Stack;

/// <summary>
/// What the template's resources say once resolved for this stack, read without touching any
/// cloud: the Outputs DescribeStacks reports, each rule as PutRule/PutTargets take it, each state
/// machine's definition with its substitutions made.
/// </summary>
public static partial class TemplateResources
{
    /// <summary>The template's Outputs as DescribeStacks reports them; one the resolver cannot
    /// evaluate locally is left out rather than failing the deployment.</summary>
    public static IReadOnlyDictionary<string, string> Outputs(JsonObject template, TemplateResolver resolver)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, output) in template["Outputs"]?.AsObject() ?? [])
        {
            try
            {
                outputs[key] = resolver.Resolve(output?["Value"]);
            }
            catch (StackDeploymentFailed)
            {
            }
        }

        return outputs;
    }

    /// <summary>A rule as PutRule/PutTargets take it. Only rules on the default bus with an
    /// EventPattern are deployed; the name is the Name property or the logical id (where
    /// CloudFormation would name it <c>&lt;stack&gt;-&lt;logical id&gt;-&lt;random&gt;</c>).</summary>
    public static (string Name, string Pattern, string State, JsonArray Targets) EventRule(string logicalId, JsonObject resource, TemplateResolver resolver)
    {
        var properties = resource["Properties"]?.AsObject() ?? [];
        if (properties["EventPattern"] is not JsonObject pattern)
        {
            throw new StackDeploymentFailed($"{logicalId}: only rules with an EventPattern can be deployed locally (no schedules)");
        }

        if (properties["EventBusName"] is { } bus && resolver.Resolve(bus) is not ("default" or ""))
        {
            throw new StackDeploymentFailed($"{logicalId}: only rules on the default event bus can be deployed locally");
        }

        var targets = new JsonArray();
        foreach (var target in properties["Targets"]?.AsArray() ?? [])
        {
            var resolved = new JsonObject
            {
                ["Id"] = resolver.Resolve(target?["Id"]),
                ["Arn"] = resolver.Resolve(target?["Arn"]),
            };
            foreach (var optional in new[] { "RoleArn", "Input", "InputPath" })
            {
                if (target?[optional] is { } value)
                {
                    resolved[optional] = resolver.Resolve(value);
                }
            }

            targets.Add(resolved);
        }

        var name = properties["Name"] is { } named ? resolver.Resolve(named) : logicalId;
        var state = properties["State"] is { } enabled ? resolver.Resolve(enabled) : "ENABLED";
        return (name, ResolveValues(pattern, resolver)!.ToJsonString(), state, targets);
    }

    /// <summary>The pattern with every intrinsic function (e.g. Ref to the state machine) replaced by its value.</summary>
    private static JsonNode? ResolveValues(JsonNode? node, TemplateResolver resolver) => node switch
    {
        JsonObject { Count: 1 } function when function.First().Key is "Ref" || function.First().Key.StartsWith("Fn::", StringComparison.Ordinal)
            => JsonValue.Create(resolver.Resolve(function)),
        JsonObject map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, ResolveValues(p.Value, resolver)))),
        JsonArray list => new JsonArray(list.Select(item => ResolveValues(item, resolver)).ToArray()),
        _ => node?.DeepClone(),
    };

    /// <summary>The ASL text with every DefinitionSubstitutions key replaced; fails naming each
    /// <c>${...}</c> left over.</summary>
    public static string Definition(string logicalId, JsonObject resource, string templatePath, TemplateResolver resolver)
    {
        var properties = resource["Properties"]?.AsObject() ?? [];
        string text;
        string source;
        if (properties["Definition"] is JsonObject inline)
        {
            text = inline.ToJsonString();
            source = $"{logicalId}.Definition";
        }
        else if (properties["DefinitionUri"] is JsonValue uri)
        {
            source = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(templatePath))!, uri.GetValue<string>()));
            if (!File.Exists(source))
            {
                throw new StackDeploymentFailed($"{logicalId}: DefinitionUri {uri} not found at {source}");
            }

            text = File.ReadAllText(source);
        }
        else
        {
            throw new StackDeploymentFailed($"{logicalId}: only a local DefinitionUri or an inline Definition can be deployed locally");
        }

        foreach (var (key, value) in properties["DefinitionSubstitutions"]?.AsObject() ?? [])
        {
            // Only what the definition uses: an unused value the local cloud cannot resolve
            // (an attribute it does not model) must not block the deployment.
            var placeholder = "${" + key + "}";
            if (text.Contains(placeholder, StringComparison.Ordinal))
            {
                text = text.Replace(placeholder, resolver.Resolve(value), StringComparison.Ordinal);
            }
        }

        var unresolved = Placeholder().Matches(text).Select(m => m.Value).Distinct().ToList();
        if (unresolved.Count > 0)
        {
            throw new StackDeploymentFailed(
                $"{logicalId}: {source} uses {string.Join(", ", unresolved)} but DefinitionSubstitutions in the template does not define {(unresolved.Count == 1 ? "it" : "them")}");
        }

        try
        {
            using var _ = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new StackDeploymentFailed($"{logicalId}: the definition from {source} is not valid JSON after substitution: {exception.Message}");
        }

        return text;
    }

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Placeholder();
}
