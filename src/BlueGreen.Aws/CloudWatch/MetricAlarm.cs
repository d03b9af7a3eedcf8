namespace BlueGreen.Aws.CloudWatch;

/// <summary>What PutMetricAlarm needs: a static threshold on one metric.</summary>
/// <param name="Statistic">"Sum", "Average", "Maximum"...</param>
/// <param name="ComparisonOperator">"GreaterThanOrEqualToThreshold", "LessThanThreshold"...</param>
public sealed record MetricAlarm(
    string Name,
    string MetricName,
    string Namespace,
    string Statistic,
    int PeriodSeconds,
    int EvaluationPeriods,
    double Threshold,
    string ComparisonOperator)
{
    public IReadOnlyDictionary<string, string> Dimensions { get; init; } = new Dictionary<string, string>();
}
