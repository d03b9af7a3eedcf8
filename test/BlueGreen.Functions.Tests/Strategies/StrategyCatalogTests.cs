using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Tests.Strategies;

public sealed class StrategyCatalogTests
{
    [Fact]
    public void For_EverySettingsValue_HasItsOwnRegisteredType()
    {
        foreach (var strategy in Enum.GetValues<DeploymentStrategy>())
        {
            Assert.Equal(strategy, StrategyCatalog.For(strategy).Name);
        }

        Assert.Equal(Enum.GetValues<DeploymentStrategy>().Length, StrategyCatalog.Registered.Count());
    }

    [Fact]
    public void TrafficMoved_SwapBlueDetachedForTheFirstTime_GreenServesAll()
    {
        var now = DateTimeOffset.UnixEpoch;
        var before = TrafficShift.InPhase(TrafficPhase.AwaitGreenTargets, now, "waiting", BlueTraffic.Serving);
        var after = TrafficShift.InPhase(TrafficPhase.Draining, now, "draining", BlueTraffic.Out);

        var split = StrategyCatalog.For(DeploymentStrategy.Swap).TrafficMoved(null!, before, after);

        Assert.Equal((100, 0), (split!.GreenPercent, split.BluePercent));
        Assert.Null(StrategyCatalog.For(DeploymentStrategy.Swap).TrafficMoved(null!, after, after));
    }
}
