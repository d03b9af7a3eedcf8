using System.Text;
using System.Text.Json.Nodes;

namespace BlueGreen.Cli.Inspection;

/// <summary><c>bluegreen status</c> in words and as JSON (docs/cli.md, "status").</summary>
internal static class StatusView
{
    public static JsonObject Json(string stack, IReadOnlyList<ApplicationStatus> applications, int executionsScanned, DateTimeOffset now) => new()
    {
        ["stack"] = stack,
        ["applications"] = new JsonArray(applications.Select(a => (JsonNode?)Application(a, now)).ToArray()),
        ["executionsScanned"] = executionsScanned,
    };

    private static JsonObject Application(ApplicationStatus status, DateTimeOffset now) => new()
    {
        ["application"] = status.Application,
        ["settingsParameter"] = status.SettingsParameter,
        ["strategy"] = status.Strategy,
        ["live"] = status.Live is { } live ? new JsonObject
        {
            ["group"] = live.Name,
            ["adopted"] = live.Adopted,
            ["imageId"] = live.ImageId,
            ["launchTemplate"] = live.LaunchTemplate,
            ["launchConfiguration"] = live.LaunchConfiguration,
            ["desired"] = live.Desired,
            ["min"] = live.Min,
            ["max"] = live.Max,
            ["inService"] = live.InService,
        } : null,
        ["traffic"] = status.Traffic is { } traffic ? new JsonObject
        {
            ["path"] = traffic.Path,
            ["livePercent"] = traffic.LivePercent,
            ["sides"] = new JsonArray(traffic.Sides.Select(s => (JsonNode?)new JsonObject
            {
                ["target"] = s.Target,
                ["group"] = s.Group,
                ["live"] = s.Live,
                ["weight"] = s.Weight,
                ["percent"] = s.Percent,
            }).ToArray()),
        } : null,
        ["problem"] = status.Problem is { } problem ? new JsonObject { ["error"] = problem.Error, ["message"] = problem.Message } : null,
        ["deployment"] = status.Deployment is { } d ? new JsonObject
        {
            ["executionArn"] = d.ExecutionArn,
            ["deploymentId"] = d.DeploymentId,
            ["imageId"] = d.ImageId,
            ["since"] = RecordJson.Time(d.Since),
            ["status"] = d.Status,
            ["state"] = d.State,
            ["stateSince"] = RecordJson.Time(d.StateSince),
            ["cleanupBy"] = d.CleanupBy,
        } : null,
        ["lastOutcome"] = status.LastOutcome is { } last ? RecordJson.Deployment(last, now) : null,
    };

    public static string Text(IReadOnlyList<ApplicationStatus> applications, DateTimeOffset now)
    {
        var text = new StringBuilder();
        foreach (var status in applications)
        {
            text.AppendLine($"{status.Application} ({(status.Strategy.Length == 0 ? "settings invalid" : status.Strategy)}; settings {status.SettingsParameter ?? "none, found by its groups' tag"})");
            if (status.Live is { } live)
            {
                var from = live.LaunchTemplate is { } lt ? $"launch template {lt}" : $"launch configuration {live.LaunchConfiguration}";
                Line(text, "live", $"{live.Name}{(live.Adopted ? " (adopted from settings, not tagged live yet)" : "")}: {live.ImageId ?? "AMI unknown"} from {from}");
                Line(text, "capacity", $"{live.InService} InService; desired {live.Desired}, min {live.Min}, max {live.Max}");
            }

            if (status.Traffic is { } traffic)
            {
                var sides = traffic.Sides.Select(s =>
                    $"{s.Percent}% {Role(s)} {s.Group ?? "(no group)"}{(s.Weight is { } w ? $" weight {w}" : "")}{(s.Target.Length > 0 && s.Weight is not null ? $" [{s.Target}]" : "")}");
                Line(text, "traffic", $"{string.Join("; ", sides)} via {traffic.Path}");
            }

            if (status.Problem is { } problem)
            {
                Line(text, "problem", $"{problem.Error}: {problem.Message}");
            }

            Line(text, "deployment", status.Deployment is { } d
                ? $"{d.ExecutionArn} {d.Status}{(d.State is { } state ? $" in {state} since {RecordJson.ShortTime(d.StateSince)}" : "")}; holds the lock since {RecordJson.ShortTime(d.Since)}, image {d.ImageId ?? "?"}"
                    + (d.CleanupBy is { } cleanup ? $"; being cleaned up by {cleanup}" : "")
                : "none in flight");
            Line(text, "last", status.LastOutcome is { } last
                ? $"{last.Outcome}{(last.Error is { } e && e != last.Outcome ? $" ({e})" : "")} {RecordJson.ShortTime(last.StartedAt)}, {RecordJson.ShortDuration(last.Duration(now))}, image {last.ImageId ?? "?"}: {last.ExecutionArn}"
                : "no finished deployment among the executions read");
            text.AppendLine();
        }

        return text.ToString().TrimEnd() + Environment.NewLine;
    }

    /// <summary>"live" for the group tagged live; "green" for a group taking traffic beside it (or
    /// attached, mid-deployment); "idle" for a half of the split that nothing serves through.</summary>
    private static string Role(TrafficSide side) => side.Live ? "live" : side.Group is not null || side.Percent > 0 ? "green" : "idle";

    private static void Line(StringBuilder text, string label, string value) => text.AppendLine($"  {label,-11} {value}");
}
