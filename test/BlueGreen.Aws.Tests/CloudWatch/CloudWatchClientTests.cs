using BlueGreen.Aws.CloudWatch;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.CloudWatch;

[Collection(MotoCollection.Name)]
public sealed class CloudWatchClientTests(MotoFixture moto)
{
    private readonly ICloudWatch _cloudWatch = moto.Clients.CloudWatch;

    [Fact]
    public async Task DescribeAlarms_AfterSetAlarmState_ReturnsForcedState()
    {
        // Arrange
        var name = Unique.Name("alarm");
        await moto.CreateAlarmAsync(name);

        // Act
        await _cloudWatch.SetAlarmStateAsync(name, AlarmState.Alarm, "fired by test");
        var alarms = await _cloudWatch.DescribeAlarmsAsync([name, "missing-alarm"]);

        // Assert
        var alarm = Assert.Single(alarms);
        Assert.Equal(name, alarm.Name);
        Assert.Equal(AlarmState.Alarm, alarm.State);
        Assert.Equal("fired by test", alarm.StateReason);
        Assert.Equal("Errors", alarm.MetricName);
    }

    [Fact]
    public async Task PutMetricData_WithDimensions_IsListedUnderTheNamespace()
    {
        // Arrange
        var metricNamespace = $"BlueGreen/{Unique.Name("test")}";
        var datum = new MetricDatum("TrafficShiftSeconds", 42.5, "Seconds", new Dictionary<string, string> { ["Application"] = "shop" });

        // Act
        await _cloudWatch.PutMetricDataAsync(metricNamespace, [datum]);

        // Assert
        var listed = await moto.Raw.QueryAsync("monitoring", "2010-08-01", "ListMetrics", ("Namespace", metricNamespace));
        var metric = Assert.Single(listed.Descendants(), e => e.Name.LocalName == "MetricName");
        Assert.Equal("TrafficShiftSeconds", metric.Value);
        Assert.Contains(listed.Descendants(), e => e.Name.LocalName == "Value" && e.Value == "shop");
    }

    [Fact]
    public async Task SetAlarmState_MissingAlarm_ThrowsNotFound()
    {
        // Act
        var error = await Assert.ThrowsAsync<Errors.AwsNotFoundException>(() => _cloudWatch.SetAlarmStateAsync("no-such-alarm", AlarmState.Ok, "test"));

        // Assert
        Assert.Equal(("CloudWatch", "SetAlarmState", "ResourceNotFound"), (error.Service, error.Operation, error.Code));
    }
}
