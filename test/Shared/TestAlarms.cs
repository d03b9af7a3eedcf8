using BlueGreen.Aws.CloudWatch;

namespace BlueGreen.Testing;

/// <summary>The one way tests make a CloudWatch alarm: a metric alarm on an ALB's 5xx count, as
/// the settings' <c>health.alarmNames</c> would watch, through the typed client.</summary>
public static class TestAlarms
{
    /// <param name="state">Set with SetAlarmState after creation; null leaves moto's first state (INSUFFICIENT_DATA).</param>
    /// <param name="name">Null: "bluegreen-test-" and eight random hex digits.</param>
    /// <returns>The alarm's name.</returns>
    public static async Task<string> CreateAsync(ICloudWatch cloudWatch, AlarmState? state = AlarmState.Ok, string? name = null)
    {
        name ??= "bluegreen-test-" + Guid.NewGuid().ToString("N")[..8];
        await cloudWatch.PutMetricAlarmAsync(new MetricAlarm(name, "HTTPCode_Target_5XX_Count", "AWS/ApplicationELB", "Sum", 60, 1, 1, "GreaterThanOrEqualToThreshold"));
        if (state is { } set)
        {
            await cloudWatch.SetAlarmStateAsync(name, set, set == AlarmState.Alarm ? "Threshold Crossed: 7 errors (test)" : "seeded by the test");
        }

        return name;
    }
}
