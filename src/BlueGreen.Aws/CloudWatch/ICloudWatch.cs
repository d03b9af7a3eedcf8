namespace BlueGreen.Aws.CloudWatch;

/// <summary>The CloudWatch calls BlueGreen makes: read alarm states, and set them in tests and the
/// demo. Deployment metrics are not put here: they leave the handlers as embedded metric format log
/// records (docs/decisions.md 27).</summary>
public interface ICloudWatch
{
    /// <summary>Metric and composite alarms with these names; names that do not exist are
    /// simply absent from the result.</summary>
    Task<IReadOnlyList<Alarm>> DescribeAlarmsAsync(IReadOnlyCollection<string> alarmNames, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a metric alarm (the local sample and tests make the alarms a
    /// deployment watches; BlueGreen itself only reads them).</summary>
    Task PutMetricAlarmAsync(MetricAlarm alarm, CancellationToken cancellationToken = default);

    /// <summary>Forces an alarm's state until its next evaluation (tests and the demo fire alarms with it).</summary>
    Task SetAlarmStateAsync(string alarmName, AlarmState state, string reason, CancellationToken cancellationToken = default);
}
