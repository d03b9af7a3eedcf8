namespace BlueGreen.Aws.CloudWatch;

/// <summary>The CloudWatch calls BlueGreen makes: read alarm states, publish deployment metrics.</summary>
public interface ICloudWatch
{
    /// <summary>Metric and composite alarms with these names; names that do not exist are
    /// simply absent from the result.</summary>
    Task<IReadOnlyList<Alarm>> DescribeAlarmsAsync(IReadOnlyCollection<string> alarmNames, CancellationToken cancellationToken = default);

    Task PutMetricDataAsync(string metricNamespace, IReadOnlyCollection<MetricDatum> data, CancellationToken cancellationToken = default);

    /// <summary>Forces an alarm's state until its next evaluation (tests and the demo fire alarms with it).</summary>
    Task SetAlarmStateAsync(string alarmName, AlarmState state, string reason, CancellationToken cancellationToken = default);
}
