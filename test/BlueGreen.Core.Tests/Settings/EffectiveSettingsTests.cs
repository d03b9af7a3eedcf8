using BlueGreen.Core.Errors;
using BlueGreen.Core.Requests;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Tests.TestSupport;

namespace BlueGreen.Core.Tests.Settings;

public sealed class EffectiveSettingsTests
{
    private static readonly ApplicationSettings Weighted = SettingsParser.Parse(Fixture.Read("Examples", "Files", "settings-weighted.json"));
    private static readonly ApplicationSettings Swap = SettingsParser.Parse(Fixture.Read("Examples", "Files", "settings-swap.json"));
    private static readonly CodeDeployRevision Revision = new(new S3Revision("shop-releases", "shop-2.zip", BundleType.Tgz));

    [Fact]
    public void Merge_NoOverrides_ReturnsSettingsUnchanged()
    {
        var merged = EffectiveSettings.Merge(Weighted, new DeploymentRequest("shop", "ami-12345678"));

        Assert.Equal(Weighted, merged);
    }

    [Fact]
    public void Merge_TrafficAndRevisionOverrides_ReplaceSettingsValues()
    {
        var request = new DeploymentRequest("shop", "ami-12345678", Traffic: TrafficSettings.Linear(50, 30), CodeDeploy: new CodeDeployOverride(Revision));

        var merged = EffectiveSettings.Merge(Weighted, request);

        Assert.Equal(TrafficSettings.Linear(50, 30), merged.Traffic);
        Assert.Equal(Revision, merged.CodeDeploy!.Revision);
        Assert.Equal("shop-green", merged.CodeDeploy.DeploymentGroup);
    }

    [Fact]
    public void Merge_StrategyOverrideWithoutItsSection_ThrowsNamingTheRequest()
    {
        var request = new DeploymentRequest("shop", "ami-12345678", Strategy: DeploymentStrategy.Dns);

        var error = ProblemAssert.Throws(() => EffectiveSettings.Merge(Swap, request), "$.dns", "is required by the dns strategy (chosen by the request)");

        Assert.StartsWith("The request for shop combined with its settings has a problem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_CanaryOverrideOnSwap_ThrowsBecauseSwapMovesAllAtOnce() =>
        ProblemAssert.Throws(
            () => EffectiveSettings.Merge(Swap, new DeploymentRequest("shop", "ami-12345678", Traffic: TrafficSettings.Canary(10))),
            "$.traffic.type",
            "Canary traffic cannot be used with the swap strategy");

    [Fact]
    public void Merge_RevisionWithoutCodeDeploySettings_ThrowsSayingWhereToAddIt() =>
        ProblemAssert.Throws(
            () => EffectiveSettings.Merge(Swap, new DeploymentRequest("shop", "ami-12345678", CodeDeploy: new CodeDeployOverride(Revision))),
            "$.codeDeploy",
            "add codeDeploy {\"application\", \"deploymentGroup\"} to /bluegreen/applications/shop");

    [Fact]
    public void Merge_CodeDeployWithoutAnyRevision_Throws()
    {
        var settings = Swap with { CodeDeploy = new CodeDeploySettings("shop", "shop-green") };

        ProblemAssert.Throws(() => EffectiveSettings.Merge(settings, new DeploymentRequest("shop", "ami-12345678")), "$.codeDeploy.revision", "neither the request nor the settings name a CodeDeploy revision");
    }
}
