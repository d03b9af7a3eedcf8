using System.Text;
using System.Text.Json.Nodes;

namespace BlueGreen.Cli.Inspection;

/// <summary><c>bluegreen history</c> as an aligned table and as JSON (docs/cli.md, "history").</summary>
internal static class HistoryView
{
    public static JsonObject Json(string stack, string application, int limit, IReadOnlyList<DeploymentRecord> deployments, ExecutionScan scan, DateTimeOffset now) => new()
    {
        ["stack"] = stack,
        ["application"] = application,
        ["limit"] = limit,
        ["deployments"] = new JsonArray(deployments.Select(d => (JsonNode?)RecordJson.Deployment(d, now)).ToArray()),
        ["executionsScanned"] = scan.Scanned,
        ["complete"] = deployments.Count >= limit || scan.ReachedEnd,
    };

    public static string Text(string application, IReadOnlyList<DeploymentRecord> deployments, ExecutionScan scan, int limit, DateTimeOffset now)
    {
        var text = new StringBuilder();
        if (deployments.Count == 0)
        {
            text.AppendLine(scan.ReachedEnd
                ? $"No deployments of {application} ({scan.Scanned} executions of the state machine read, all there are)."
                : $"No deployments of {application} among the newest {scan.Scanned} executions of the state machine.");
            return text.ToString();
        }

        string[] header = ["STARTED", "DURATION", "IMAGE", "STRATEGY", "OUTCOME", "ERROR", "EXECUTION"];
        var rows = deployments.Select(d => new[]
        {
            RecordJson.ShortTime(d.StartedAt),
            RecordJson.ShortDuration(d.Duration(now)),
            d.ImageId ?? "-",
            d.Strategy ?? "-",
            d.Outcome,
            d.Error ?? "-",
            d.ExecutionName,
        }).Prepend(header).ToList();
        var widths = header.Select((_, column) => rows.Max(r => r[column].Length)).ToArray();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd());
        }

        if (deployments.Count < limit && !scan.ReachedEnd)
        {
            text.AppendLine($"(read the newest {scan.Scanned} executions of the state machine; older ones were not read)");
        }

        return text.ToString();
    }
}
