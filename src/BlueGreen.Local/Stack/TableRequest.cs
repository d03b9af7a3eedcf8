using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;

namespace BlueGreen.Local.Stack;

/// <summary>A template's table properties (CloudFormation's names, which are CreateTable's) as the
/// official client's CreateTable request.</summary>
internal static class TableRequest
{
    public static CreateTableRequest From(JsonObject table) => new()
    {
        TableName = Text(table, "TableName"),
        KeySchema = Keys(table["KeySchema"]),
        AttributeDefinitions = [.. Items(table["AttributeDefinitions"]).Select(a => new AttributeDefinition(Text(a, "AttributeName"), Text(a, "AttributeType")))],
        BillingMode = Text(table, "BillingMode"),
        ProvisionedThroughput = Throughput(table["ProvisionedThroughput"]),
        GlobalSecondaryIndexes = table["GlobalSecondaryIndexes"] is { } global
            ? [.. Items(global).Select(i => new GlobalSecondaryIndex
            {
                IndexName = Text(i, "IndexName"),
                KeySchema = Keys(i["KeySchema"]),
                Projection = Projection(i["Projection"]),
                ProvisionedThroughput = Throughput(i["ProvisionedThroughput"]),
            })]
            : null,
        LocalSecondaryIndexes = table["LocalSecondaryIndexes"] is { } local
            ? [.. Items(local).Select(i => new LocalSecondaryIndex { IndexName = Text(i, "IndexName"), KeySchema = Keys(i["KeySchema"]), Projection = Projection(i["Projection"]) })]
            : null,
    };

    private static List<KeySchemaElement> Keys(JsonNode? keys) =>
        [.. Items(keys).Select(k => new KeySchemaElement(Text(k, "AttributeName"), Text(k, "KeyType")))];

    private static Projection? Projection(JsonNode? projection) => projection is null ? null : new Projection
    {
        ProjectionType = projection["ProjectionType"]?.GetValue<string>(),
        NonKeyAttributes = projection["NonKeyAttributes"] is { } names ? [.. Items(names).Select(n => n.GetValue<string>())] : null,
    };

    private static ProvisionedThroughput? Throughput(JsonNode? throughput) => throughput is null ? null : new ProvisionedThroughput(
        long.Parse(throughput["ReadCapacityUnits"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture),
        long.Parse(throughput["WriteCapacityUnits"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));

    private static IEnumerable<JsonNode> Items(JsonNode? list) => list?.AsArray().OfType<JsonNode>() ?? [];

    private static string Text(JsonNode node, string name) => node[name]?.GetValue<string>() ?? throw new StackDeploymentFailed($"a table is missing {name}");
}
