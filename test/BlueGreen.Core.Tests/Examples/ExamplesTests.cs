using System.Text.Json;
using BlueGreen.Core.Requests;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Tests.TestSupport;

namespace BlueGreen.Core.Tests.Examples;

/// <summary>Every file in examples/ parses, so the examples cannot rot.</summary>
public sealed class ExamplesTests
{
    private static string Example(string name) => Fixture.Read("Examples", "Files", name);

    [Fact]
    public void ConsoleInput_Parses_WithEveryOverride()
    {
        var request = Assert.IsType<RequestTrigger>(TriggerParser.Parse(Example("console-input.json"))).Request;

        Assert.Equal("shop", request.Application);
        Assert.Equal("ami-0abc1234def567890", request.ImageId);
        Assert.Equal(DeploymentStrategy.Weighted, request.Strategy);
        Assert.Equal(TrafficSettings.Linear(25, 60), request.Traffic);
        Assert.Equal(new S3Revision("shop-releases", "shop.zip", BundleType.Zip), request.CodeDeploy!.Revision.S3);
        Assert.Equal("CVE-2026-1234 base image", request.Reason);
        Assert.False(request.DryRun);
    }

    [Fact]
    public void AmiEvent_Parses_ToTheAvailableAmi()
    {
        var trigger = Assert.IsType<AmiStateChangeTrigger>(TriggerParser.Parse(Example("ami-event.json")));

        Assert.Equal(new AmiStateChangeTrigger("ami-0abc1234def567890", "available", "us-east-1", "123456789012", "7f2b5b4c-1c4a-4b8e-9f0e-3d2a1b0c9e8f"), trigger);
    }

    // The real event names the image build version and its status; its AMIs come from GetImage.
    [Fact]
    public void ImageBuilderEvent_Parses_ToTheImageBuildVersionAndItsStatus()
    {
        var trigger = Assert.IsType<ImageBuilderTrigger>(TriggerParser.Parse(Example("imagebuilder-event.json")));

        Assert.Equal("arn:aws:imagebuilder:us-east-1:123456789012:image/shop-recipe/1.0.0/3", trigger.ImageArn);
        Assert.True(trigger.IsAvailable);
        Assert.Equal("us-east-1", trigger.Region);
    }

    [Fact]
    public void CodePipelineAction_LiteralInput_IsAValidRequest()
    {
        using var action = JsonDocument.Parse(Example("codepipeline-action.json"));
        var configuration = action.RootElement.GetProperty("configuration");

        Assert.Equal("Literal", configuration.GetProperty("InputType").GetString());
        Assert.EndsWith(":stateMachine:BlueGreenDeployment", configuration.GetProperty("StateMachineArn").GetString(), StringComparison.Ordinal);
        var request = Assert.IsType<RequestTrigger>(TriggerParser.Parse(configuration.GetProperty("Input").GetString()!)).Request;
        Assert.Equal("shop", request.Application);
    }

    // FilePath: CodePipeline reads the input from a file of the action's input artifact, named by
    // Input relative to the artifact's root; here that file is examples/bluegreen-input.json.
    [Fact]
    public void CodePipelineAction_FilePathInput_NamesAValidRequestInItsInputArtifact()
    {
        using var action = JsonDocument.Parse(Example("codepipeline-action-filepath.json"));
        var configuration = action.RootElement.GetProperty("configuration");

        Assert.Equal("FilePath", configuration.GetProperty("InputType").GetString());
        Assert.EndsWith(":stateMachine:BlueGreenDeployment", configuration.GetProperty("StateMachineArn").GetString(), StringComparison.Ordinal);
        Assert.Single(action.RootElement.GetProperty("inputArtifacts").EnumerateArray());
        var inputFile = configuration.GetProperty("Input").GetString()!;
        Assert.False(Path.IsPathRooted(inputFile));
        var request = Assert.IsType<RequestTrigger>(TriggerParser.Parse(Example(inputFile))).Request;
        Assert.Equal("shop", request.Application);
        Assert.Equal("ami-0abc1234def567890", request.ImageId);
        Assert.StartsWith("pipeline release", request.Reason, StringComparison.Ordinal);
    }

    // The Packer template tags the AMI with the key BlueGreen reads, in `tags` (applied once the AMI
    // is available and finished), never in run_tags (put on the AMI when CreateImage is called).
    [Fact]
    public void PackerTemplate_TagsTheAmiForTheApplication_OnlyOnceItIsFinished()
    {
        var lines = Example(Path.Combine("packer", "bluegreen.pkr.hcl")).Split('\n');

        var tagLine = Assert.Single(lines, l => l.Contains($"\"{BlueGreen.Core.Naming.TagKeys.Application}\" = var.application", StringComparison.Ordinal));
        Assert.StartsWith("bluegreen_tag =", tagLine.TrimStart(), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Replace(" ", "", StringComparison.Ordinal) == "tags=merge(local.tags,local.bluegreen_tag)");
        Assert.DoesNotContain("bluegreen:", Assert.Single(lines, l => l.TrimStart().StartsWith("run_tags ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Replace(" ", "", StringComparison.Ordinal) == "skip_ami_run_tags=true");
    }

    [Fact]
    public void SettingsSwap_Parses()
    {
        var settings = SettingsParser.Parse(Example("settings-swap.json"));

        Assert.Equal("shop-blue", settings.LiveGroup);
        Assert.Equal(DeploymentStrategy.Swap, settings.Strategy);
        Assert.Single(settings.TargetGroupArns);
        Assert.Equal(["shop-5xx"], settings.Health.AlarmNames);
    }

    [Fact]
    public void SettingsWeighted_Parses()
    {
        var settings = SettingsParser.Parse(Example("settings-weighted.json"));

        Assert.Equal(DeploymentStrategy.Weighted, settings.Strategy);
        Assert.Equal(2, settings.Weighted!.TargetGroupArns.Count);
        Assert.Equal(TrafficSettings.Canary(10, 300), settings.Traffic);
        Assert.Equal(new BlueAfterCutover(BlueAction.ScaleToZero, 900, 60), settings.BlueAfterCutover);
        Assert.True(settings.Approval.Required);
        Assert.Equal("shop-green", settings.CodeDeploy!.DeploymentGroup);
    }

    [Fact]
    public void SettingsDns_Parses()
    {
        var settings = SettingsParser.Parse(Example("settings-dns.json"));

        Assert.Equal(DeploymentStrategy.Dns, settings.Strategy);
        Assert.Equal(["a", "b"], settings.Dns!.Colors.Select(c => c.SetIdentifier));
        Assert.Equal(new ColorTag("team:fleet", "live", "candidate"), settings.ColorTag);
    }

    [Fact]
    public void SettingsInGroup_Parses()
    {
        var settings = SettingsParser.Parse(Example("settings-in-group.json"));

        Assert.Equal(DeploymentStrategy.InGroup, settings.Strategy);
        Assert.Null(settings.Pair);
    }

    [Fact]
    public void SettingsPair_Parses()
    {
        var settings = SettingsParser.Parse(Example("settings-pair.json"));

        Assert.Equal(["shop-a", "shop-b"], settings.Pair!.Groups);
        Assert.Null(settings.LiveGroup);
    }

    [Fact]
    public void ConsoleInput_MergedOntoSwapSettings_NeedsAWeightedSection()
    {
        var request = Assert.IsType<RequestTrigger>(TriggerParser.Parse(Example("console-input.json"))).ToRequest(null);

        Assert.Throws<BlueGreen.Core.Errors.InvalidRequest>(() => EffectiveSettings.Merge(SettingsParser.Parse(Example("settings-swap.json")), request));
        Assert.Equal(DeploymentStrategy.Weighted, EffectiveSettings.Merge(SettingsParser.Parse(Example("settings-weighted.json")), request).Strategy);
    }
}
