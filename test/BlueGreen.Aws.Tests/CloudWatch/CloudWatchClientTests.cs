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
        var name = await TestAlarms.CreateAsync(_cloudWatch, state: null, Unique.Name("alarm"));

        // Act
        await _cloudWatch.SetAlarmStateAsync(name, AlarmState.Alarm, "fired by test");
        var alarms = await _cloudWatch.DescribeAlarmsAsync([name, "missing-alarm"]);

        // Assert
        var alarm = Assert.Single(alarms);
        Assert.Equal(name, alarm.Name);
        Assert.Equal(AlarmState.Alarm, alarm.State);
        Assert.Equal("fired by test", alarm.StateReason);
        Assert.Equal(("HTTPCode_Target_5XX_Count", "AWS/ApplicationELB"), (alarm.MetricName, alarm.MetricNamespace));
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
