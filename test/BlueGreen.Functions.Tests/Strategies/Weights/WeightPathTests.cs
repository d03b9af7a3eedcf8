using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Strategies.Dns;
using BlueGreen.Functions.Strategies.Weighted;
using BlueGreen.Functions.Strategies.Weights;

namespace BlueGreen.Functions.Tests.Strategies.Weights;

/// <summary><see cref="IWeightPath.PathServedBy"/>: mid-shift both halves carry weight, so
/// <c>bluegreen status</c> tells them apart by the live group's target group, asking the pair
/// rather than knowing each strategy's settings.</summary>
public sealed class WeightPathTests
{
    private const string Blue = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-a/1";
    private const string Green = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-b/2";

    private static readonly IWeightPath Forward = new WeightedForwardPath(null!, new WeightedSettings("listener", null, [Green, Blue]), "app");

    private static readonly IWeightPath Records = new DnsRecordPath(null!, new DnsSettings("Z1", "shop.example.com.", [
        new DnsColor("green", "alb-b", Green),
        new DnsColor("blue", "alb-a", Blue),
    ]), "app");

    [Fact]
    public void PathServedBy_LiveGroupInTheSecondTargetGroup_ItIsLiveAndTheOtherIdle()
    {
        Assert.Equal(new TrafficPath(Blue, Green), Forward.PathServedBy([Blue]));
        Assert.Equal(new TrafficPath(Blue, Green, "blue", "green"), Records.PathServedBy([Blue]));
    }

    [Fact]
    public void PathServedBy_LiveGroupInNeither_Null()
    {
        Assert.Null(Forward.PathServedBy(["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/other/3"]));
        Assert.Null(Records.PathServedBy([]));
    }
}
