using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Tests.Traffic;

public sealed class SplitWeightsTests
{
    [Theory]
    [InlineData(0, 100, 0)]
    [InlineData(10, 90, 10)]
    [InlineData(100, 0, 100)]
    public void ForGreen_Percent_BlueGetsTheRest(int percent, int blue, int green) =>
        Assert.Equal(new TrafficWeights(blue, green), TrafficWeights.ForGreen(percent));

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void ForGreen_OutsidePercent_Throws(int percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TrafficWeights.ForGreen(percent));

    [Fact]
    public void AllBlue_Is100For0() =>
        Assert.Equal(new TrafficWeights(100, 0), TrafficWeights.AllBlue);
}
