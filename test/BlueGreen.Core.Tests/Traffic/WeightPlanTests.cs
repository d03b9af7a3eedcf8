using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Tests.Traffic;

public sealed class WeightPlanTests
{
    [Fact]
    public void GreenWeights_AllAtOnce_OneStepTo100() =>
        Assert.Equal([100], WeightPlan.GreenWeights(TrafficSettings.AllAtOnce));

    [Theory]
    [InlineData(10, new[] { 10, 100 })]
    [InlineData(1, new[] { 1, 100 })]
    [InlineData(99, new[] { 99, 100 })]
    public void GreenWeights_Canary_PercentThen100(int percent, int[] expected) =>
        Assert.Equal(expected, WeightPlan.GreenWeights(TrafficSettings.Canary(percent)));

    [Theory]
    [InlineData(25, new[] { 25, 50, 75, 100 })]
    [InlineData(30, new[] { 30, 60, 90, 100 })]
    [InlineData(50, new[] { 50, 100 })]
    [InlineData(60, new[] { 60, 100 })]
    [InlineData(100, new[] { 100 })]
    public void GreenWeights_Linear_StepsOfPercentEndingAt100(int percent, int[] expected) =>
        Assert.Equal(expected, WeightPlan.GreenWeights(TrafficSettings.Linear(percent)));

    [Fact]
    public void GreenWeights_Linear1_HundredStepsStrictlyRising()
    {
        var weights = WeightPlan.GreenWeights(TrafficSettings.Linear(1));

        Assert.Equal(Enumerable.Range(1, 100), weights);
    }

    [Theory]
    [InlineData(TrafficType.Canary, 0)]
    [InlineData(TrafficType.Canary, 100)]
    [InlineData(TrafficType.Linear, 0)]
    [InlineData(TrafficType.Linear, 101)]
    public void GreenWeights_PercentOutOfRange_Throws(TrafficType type, int percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WeightPlan.GreenWeights(new TrafficSettings(type, percent, 60)));
}
