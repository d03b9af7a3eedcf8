using BlueGreen.Aws.CloudWatch;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>CloudWatch alarms for the tests that watch them: created with a plain Query call (our
/// port only reads alarms), set with the port's SetAlarmState.</summary>
public static class TrafficAlarms
{
    public static async Task<string> CreateAsync(FunctionsCloud cloud, AlarmState state)
    {
        var name = "bluegreen-test-" + Guid.NewGuid().ToString("N")[..8];
        await cloud.Cloud.Aws.QueryAsync("monitoring", "PutMetricAlarm", "2010-08-01",
        [
            new("AlarmName", name), new("MetricName", "HTTPCode_Target_5XX_Count"), new("Namespace", "AWS/ApplicationELB"),
            new("Statistic", "Sum"), new("Period", "60"), new("EvaluationPeriods", "1"), new("Threshold", "1"),
            new("ComparisonOperator", "GreaterThanOrEqualToThreshold"),
        ]);
        await cloud.Aws.CloudWatch.SetAlarmStateAsync(name, state, state == AlarmState.Alarm ? "Threshold Crossed: 7 errors (test)" : "test");
        return name;
    }
}
