namespace BlueGreen.Aws.CloudWatch;

/// <param name="Unit">A CloudWatch unit name such as "Count" or "Seconds"; null for "None".</param>
public sealed record MetricDatum(
    string MetricName,
    double Value,
    string? Unit = null,
    IReadOnlyDictionary<string, string>? Dimensions = null,
    DateTimeOffset? Timestamp = null);
