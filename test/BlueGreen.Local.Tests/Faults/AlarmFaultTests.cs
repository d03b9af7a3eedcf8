using System.Net;
using BlueGreen.Local.Tests.Support;

namespace BlueGreen.Local.Tests.Faults;

[Collection(LocalCloudCollection.Name)]
public sealed class AlarmFaultTests
{
    private readonly LocalCloud _cloud;
    private readonly Fleet _fleet;

    public AlarmFaultTests(LocalCloudFixture fixture)
    {
        _cloud = fixture.Cloud;
        _cloud.Faults.Clear();
        _fleet = new Fleet(_cloud.Raw);
    }

    private Task<string> PutAlarmAsync() => TestAlarms.CreateAsync(_cloud.Clients.CloudWatch, state: null);

    private async Task<string> StateAsync(string alarm) =>
        Fleet.First(await _fleet.CloudWatch("DescribeAlarms", ("AlarmNames.member.1", alarm)), "StateValue");

    [Fact]
    public async Task AlarmOverHttpApi_AfterDelay_AlarmStateInMoto()
    {
        var alarm = await PutAlarmAsync();

        using var injected = await _cloud.Raw.ControlAsync(HttpMethod.Post, "/faults/alarm",
            $$"""{"alarmName":"{{alarm}}","delaySeconds":0.5}""");

        Assert.Equal(HttpStatusCode.NoContent, injected.StatusCode);
        Assert.NotEqual("ALARM", await StateAsync(alarm));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await StateAsync(alarm) != "ALARM" && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        Assert.Equal("ALARM", await StateAsync(alarm));
    }

    [Fact]
    public async Task FireAlarmAfter_FaultsClearedFirst_AlarmNeverFires()
    {
        var alarm = await PutAlarmAsync();

        _cloud.FireAlarmAfter(alarm, TimeSpan.FromMilliseconds(500));
        _cloud.Faults.Clear();
        await Task.Delay(1000);

        Assert.NotEqual("ALARM", await StateAsync(alarm));
    }
}
