using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>
/// The CloudWatch embedded metric format specification as assertions: a root object whose
/// <c>_aws</c> holds an integer <c>Timestamp</c> (ms since the epoch) and <c>CloudWatchMetrics</c>,
/// directives of a <c>Namespace</c>, <c>Dimensions</c> (arrays of at most 30 names, each a top-level
/// string member) and <c>Metrics</c> (at most 100, each a <c>Name</c> that is a top-level number
/// member and a valid <c>Unit</c>).
/// </summary>
public static class EmfShape
{
    private static readonly HashSet<string> Units =
    [
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
        "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count",
        "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
        "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    ];

    /// <summary>The embedded metric format records in a log for one deployment.</summary>
    public static IReadOnlyList<JsonObject> Records(string log, string deploymentId) =>
        log.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Where(record => record["_aws"] is not null && record["deploymentId"]?.GetValue<string>() == deploymentId)
            .ToList();

    /// <summary>Asserts the shape and returns each metric's (namespace, dimension names, name, unit).</summary>
    public static IReadOnlyList<(string Namespace, string[] Dimensions, string Name, string Unit)> Assert(JsonObject document)
    {
        var aws = Xunit.Assert.IsType<JsonObject>(document["_aws"]);
        Xunit.Assert.All(aws.Select(p => p.Key), k => Xunit.Assert.Contains(k, new[] { "Timestamp", "CloudWatchMetrics", "LogGroupName" }));
        var timestamp = Xunit.Assert.IsType<JsonValue>(aws["Timestamp"], exactMatch: false);
        Xunit.Assert.Equal(JsonValueKind.Number, timestamp.GetValueKind());
        Xunit.Assert.True(timestamp.TryGetValue<long>(out var ms) && ms > 0, "Timestamp is a positive integer of milliseconds");

        var metrics = new List<(string, string[], string, string)>();
        var directives = Xunit.Assert.IsType<JsonArray>(aws["CloudWatchMetrics"]);
        Xunit.Assert.NotEmpty(directives);
        foreach (var directive in directives.Select(d => Xunit.Assert.IsType<JsonObject>(d)))
        {
            Xunit.Assert.Equal(["Dimensions", "Metrics", "Namespace"], directive.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
            var metricNamespace = directive["Namespace"]!.GetValue<string>();
            Xunit.Assert.False(string.IsNullOrWhiteSpace(metricNamespace));
            var sets = Xunit.Assert.IsType<JsonArray>(directive["Dimensions"]);
            foreach (var set in sets.Select(s => Xunit.Assert.IsType<JsonArray>(s)))
            {
                Xunit.Assert.InRange(set.Count, 0, 30);
                Xunit.Assert.All(set, name => Xunit.Assert.Equal(JsonValueKind.String, document[name!.GetValue<string>()]?.GetValueKind()));
            }

            var list = Xunit.Assert.IsType<JsonArray>(directive["Metrics"]);
            Xunit.Assert.InRange(list.Count, 1, 100);
            foreach (var metric in list.Select(m => Xunit.Assert.IsType<JsonObject>(m)))
            {
                var name = metric["Name"]!.GetValue<string>();
                var unit = metric["Unit"]!.GetValue<string>();
                Xunit.Assert.Contains(unit, Units);
                Xunit.Assert.Equal(JsonValueKind.Number, document[name]?.GetValueKind());
                metrics.Add((metricNamespace, sets.Count == 0 ? [] : sets[0]!.AsArray().Select(n => n!.GetValue<string>()).ToArray(), name, unit));
            }
        }

        return metrics;
    }
}
