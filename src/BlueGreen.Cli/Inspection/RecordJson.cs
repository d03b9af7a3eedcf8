using System.Globalization;
using System.Text.Json.Nodes;

namespace BlueGreen.Cli.Inspection;

/// <summary>The JSON of the read-only views: camelCase, every documented key always written
/// (null when unknown), times in ISO 8601 UTC (docs/cli.md).</summary>
internal static class RecordJson
{
    public static JsonObject Deployment(DeploymentRecord record, DateTimeOffset now) => new()
    {
        ["executionArn"] = record.ExecutionArn,
        ["executionName"] = record.ExecutionName,
        ["application"] = record.Application,
        ["status"] = StatusReader.StatusName(record.Status),
        ["startedAt"] = Time(record.StartedAt),
        ["stoppedAt"] = Time(record.StoppedAt),
        ["durationSeconds"] = record.Duration(now) is { } duration ? Math.Round(duration.TotalSeconds, 3) : null,
        ["imageId"] = record.ImageId,
        ["strategy"] = record.Strategy,
        ["outcome"] = record.Outcome,
        ["error"] = record.Error,
        ["message"] = record.Message,
        ["liveGroup"] = record.LiveGroup,
    };

    public static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>For people: "2026-12-02 07:01:02Z".</summary>
    public static string ShortTime(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>For people: "42s", "3m05s", "1h02m".</summary>
    public static string ShortDuration(TimeSpan? duration) => duration switch
    {
        null => "-",
        { TotalMinutes: < 1 } d => $"{(int)d.TotalSeconds}s",
        { TotalHours: < 1 } d => $"{(int)d.TotalMinutes}m{d.Seconds:00}s",
        { } d => $"{(int)d.TotalHours}h{d.Minutes:00}m",
    };
}
