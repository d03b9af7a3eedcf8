namespace BlueGreen.Aws.Tests.Support;

/// <summary>Seeding helpers for resources our ports only read.</summary>
public static class Seed
{
    public static Task CreateAlarmAsync(this MotoFixture moto, string name) =>
        moto.Raw.QueryAsync("monitoring", "2010-08-01", "PutMetricAlarm",
            ("AlarmName", name), ("MetricName", "Errors"), ("Namespace", "BlueGreen/Test"), ("Statistic", "Sum"),
            ("Period", "60"), ("EvaluationPeriods", "1"), ("Threshold", "1"), ("ComparisonOperator", "GreaterThanOrEqualToThreshold"));
}
