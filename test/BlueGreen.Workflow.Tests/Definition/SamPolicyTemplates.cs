using System.Text.Json.Nodes;

namespace BlueGreen.Workflow.Tests.Definition;

/// <summary>SAM's policy templates (<c>LambdaInvokePolicy: {FunctionName: …}</c> in a <c>Policies</c>
/// list) expanded to the statements SAM writes for them, read from samtranslator's own definitions.</summary>
internal sealed class SamPolicyTemplates
{
    private readonly JsonObject _templates;

    private SamPolicyTemplates(JsonObject templates) => _templates = templates;

    public static SamPolicyTemplates Load() => new(JsonNode.Parse(File.ReadAllText(Path.Combine(
        PythonPackage.Directory("samtranslator"), "policy_templates_data", "policy_templates.json")))!["Templates"]!.AsObject());

    /// <summary>Every statement a policy template used in the template stands for.</summary>
    public IEnumerable<(string LogicalId, string Template, JsonObject Statement)> Statements(ServerlessTemplate template) =>
        from resource in template.Resources
        from policy in resource.Value!["Properties"]?["Policies"] as JsonArray ?? []
        where policy is JsonObject { Count: 1 }
        let name = policy.AsObject().Single().Key
        where _templates.ContainsKey(name)
        from statement in _templates[name]!["Definition"]!["Statement"]!.AsArray()
        select (resource.Key, name, statement!.AsObject());
}
