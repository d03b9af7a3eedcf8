using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Tests.Traffic;

public sealed class IdlePairTests
{
    private static readonly string[] Pair = ["tg-a", "tg-b"];

    [Theory]
    [InlineData(100, 0, "tg-a", "tg-b")]
    [InlineData(0, 100, "tg-b", "tg-a")]
    [InlineData(1, 0, "tg-a", "tg-b")]
    [InlineData(0, 999, "tg-b", "tg-a")]
    public void Choose_OneAboveZeroOneAtZero_LiveIsTheWeightedOne(long a, long b, string live, string idle)
    {
        var pair = IdlePair.Choose(Pair, new Dictionary<string, long> { ["tg-a"] = a, ["tg-b"] = b }, out var problem);

        Assert.Equal(new IdlePair(live, idle), pair);
        Assert.Null(problem);
    }

    [Fact]
    public void Choose_MemberMissingFromTheWeights_CountsAsIdle()
    {
        var pair = IdlePair.Choose(Pair, new Dictionary<string, long> { ["tg-b"] = 1 }, out _);

        Assert.Equal(new IdlePair("tg-b", "tg-a"), pair);
    }

    [Fact]
    public void Choose_BothCarryTraffic_NoAnswerAndSaysSo()
    {
        var pair = IdlePair.Choose(Pair, new Dictionary<string, long> { ["tg-a"] = 90, ["tg-b"] = 10 }, out var problem);

        Assert.Null(pair);
        Assert.Contains("both carry traffic", problem);
        Assert.Contains("tg-a has weight 90 and tg-b has weight 10", problem);
    }

    [Fact]
    public void Choose_NeitherCarriesTraffic_NoAnswerAndSaysSo()
    {
        var pair = IdlePair.Choose(Pair, new Dictionary<string, long>(), out var problem);

        Assert.Null(pair);
        Assert.Contains("neither carries traffic", problem);
    }

    [Fact]
    public void Choose_SameMemberTwice_NoAnswer()
    {
        var pair = IdlePair.Choose(["tg-a", "tg-a"], new Dictionary<string, long> { ["tg-a"] = 1 }, out var problem);

        Assert.Null(pair);
        Assert.Contains("exactly two different members", problem);
    }
}
