using System.Text.Json.Nodes;

namespace BlueGreen.Workflow.Tests.Definition;

/// <summary>serverless.template read as JSON.</summary>
internal sealed class ServerlessTemplate
{
    private ServerlessTemplate(JsonObject root)
    {
        Root = root;
        Resources = root["Resources"]!.AsObject();
    }

    public JsonObject Root { get; }

    public JsonObject Resources { get; }

    public static ServerlessTemplate Load() =>
        new(JsonNode.Parse(File.ReadAllText(RepositoryRoot.File("serverless.template")))!.AsObject());

    public IEnumerable<(string LogicalId, JsonObject Properties)> OfType(string type) =>
        Resources.Where(r => r.Value!["Type"]!.GetValue<string>() == type)
            .Select(r => (r.Key, r.Value!["Properties"]!.AsObject()));

    public JsonObject StateMachine => OfType("AWS::Serverless::StateMachine").Single().Properties;

    /// <summary>Every IAM statement in the template, inline function policies and roles alike.</summary>
    public IEnumerable<(string LogicalId, JsonObject Statement)> PolicyStatements() =>
        Resources.SelectMany(r => Descendants(r.Value!)
            .OfType<JsonObject>()
            .Where(o => o.ContainsKey("Effect") && o.ContainsKey("Action"))
            .Select(statement => (r.Key, statement)));

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Descendants))
        {
            yield return child;
        }
    }
}
