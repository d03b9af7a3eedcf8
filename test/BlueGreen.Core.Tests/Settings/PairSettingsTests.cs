using BlueGreen.Core.Errors;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Tests.TestSupport;

namespace BlueGreen.Core.Tests.Settings;

public sealed class PairSettingsTests
{
    private const string TargetGroup = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop/0123456789abcdef";

    private static string With(string pair, string extra = "") =>
        $$"""{"strategy": "swap", "targetGroupArns": ["{{TargetGroup}}"], "pair": {{pair}}{{extra}}}""";

    [Fact]
    public void Parse_TwoGroups_ReadsThePair()
    {
        var settings = SettingsParser.Parse(With("""{"groups": ["shop-a", "shop-b"]}""", """, "liveGroup": "shop-b" """));

        Assert.Equal(["shop-a", "shop-b"], settings.Pair!.Groups);
        Assert.Equal("shop-b", settings.LiveGroup);
    }

    [Fact]
    public void Parse_NoPair_IsNull() =>
        Assert.Null(SettingsParser.Parse($$"""{"targetGroupArns": ["{{TargetGroup}}"]}""").Pair);

    [Theory]
    [InlineData("""{"groups": ["shop-a"]}""", "", "$.pair.groups", "must list at least 2 items, not 1")]
    [InlineData("""{"groups": ["shop-a", "shop-b", "shop-c"]}""", "", "$.pair.groups", "must list at most 2 items, not 3")]
    [InlineData("""{"groups": ["shop-a", "shop-a"]}""", "", "$.pair.groups", "lists the same value more than once")]
    [InlineData("""{}""", "", "$.pair.groups", "is required")]
    [InlineData("""{"groups": ["shop-a", "shop-b"], "grups": 1}""", "", "$.pair.grups", "did you mean 'groups'?")]
    [InlineData("""{"groups": ["shop-a", "shop-b"]}""", """, "liveGroup": "shop-c" """, "$.liveGroup", "\"shop-c\" is not one of pair.groups (shop-a, shop-b)")]
    public void Parse_BadPair_ReportsProblemAtPath(string pair, string extra, string path, string text) =>
        ProblemAssert.Throws(() => SettingsParser.Parse(With(pair, extra)), path, text);

    [Fact]
    public void Parse_PairWithInGroup_IsRefused() =>
        ProblemAssert.Throws(
            () => SettingsParser.Parse("""{"strategy": "in-group", "pair": {"groups": ["shop-a", "shop-b"]}}"""),
            "$.pair",
            "cannot be used with the in-group strategy");

    [Fact]
    public void Merge_RequestChoosesInGroupForPairSettings_IsRefused()
    {
        var settings = SettingsParser.Parse(With("""{"groups": ["shop-a", "shop-b"]}"""));
        var request = new BlueGreen.Core.Requests.DeploymentRequest("shop", "ami-0123456789abcdef0", Strategy: DeploymentStrategy.InGroup);

        var error = Assert.Throws<InvalidRequest>(() => EffectiveSettings.Merge(settings, request));

        Assert.Contains(error.Problems, p => p.Path == "$.pair" && p.Message.Contains("(chosen by the request)", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_InGroupWithCodeDeploy_IsRefused() =>
        ProblemAssert.Throws(
            () => SettingsParser.Parse("""{"strategy": "in-group", "codeDeploy": {"application": "shop", "deploymentGroup": "web", "revision": null}}"""),
            "$.codeDeploy",
            "cannot be used with the in-group strategy");

    [Theory]
    [InlineData("shop-a", "shop-b")]
    [InlineData("shop-b", "shop-a")]
    [InlineData("shop-c", null)]
    public void IdleOf_LiveGroup_IsTheOtherOne(string live, string? idle) =>
        Assert.Equal(idle, new PairSettings(["shop-a", "shop-b"]).IdleOf(live));
}
