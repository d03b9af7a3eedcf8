namespace BlueGreen.Aws.CloudWatch;

/// <param name="MetricName">Null for composite alarms.</param>
public sealed record Alarm(
    string Name,
    string? Arn,
    AlarmState State,
    string? StateReason,
    DateTimeOffset? StateUpdatedAt,
    string? MetricName,
    string? MetricNamespace);
