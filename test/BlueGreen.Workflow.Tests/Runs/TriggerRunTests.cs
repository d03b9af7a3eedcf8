using BlueGreen.Local.ImageBuilder;
using BlueGreen.Local.Sample;
using BlueGreen.Workflow.Tests.Support;
using Xunit.Abstractions;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>
/// The trigger path as users rely on it, through the template's own EventBridge rules: an image
/// appears in the account (create-image, an Image Builder build) and a deployment starts by itself.
/// </summary>
[Collection(TriggerCloudCollection.Name)]
public sealed class TriggerRunTests(TriggerCloud cloud, ITestOutputHelper output)
{
    [Fact]
    public async Task CreateImage_TaggedTenSecondsAfterAvailable_ExactlyOneDeploymentPromoted()
    {
        var sample = await cloud.SeedSampleAsync();

        var image = await cloud.CreateImageAsync();
        var execution = Assert.Single(await WaitForExecutionsAsync(image, 1));
        // Packer's way: the tag arrives once the AMI has been available for a while (three looks = 10 s of pauses).
        await WaitUntilAsync(async () => await cloud.StatesEnteredAsync(execution, "NormalizeRequest") >= 3);
        await cloud.TagImageAsync(image, sample.Application);

        var result = Assert.Single(await cloud.EndedExecutionsAsync(image, 1));
        var outcome = TriggerCloud.Output(result);
        Assert.Equal("Promoted", outcome["outcome"]!.GetValue<string>());
        Assert.Equal(image, outcome["imageId"]!.GetValue<string>());
        Assert.Equal(sample.Application, outcome["application"]!.GetValue<string>());
        output.WriteLine($"tagged after {await cloud.StatesEnteredAsync(execution, "NormalizeRequest") - 1} looks; {await cloud.StatesEnteredAsync(execution)} states entered");
    }

    [Fact]
    public async Task CreateImage_Untagged_OneExecutionIgnoredWithoutAWrite()
    {
        var before = cloud.Cloud.Calls.Writes().Count;

        var image = await cloud.CreateImageAsync();

        var result = Assert.Single(await cloud.EndedExecutionsAsync(image, 1));
        var outcome = TriggerCloud.Output(result);
        Assert.Equal("Ignored", outcome["outcome"]!.GetValue<string>());
        Assert.Contains("No application claims", outcome["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(cloud.Cloud.Calls.Writes().Skip(before), w => w.Function is not null);
        output.WriteLine($"untagged AMI: Ignored after {await cloud.StatesEnteredAsync(result.ExecutionArn)} states entered: {outcome["reason"]}");
    }

    [Fact]
    public async Task PutEvents_SameAmiAnnouncedTwice_OneDeploymentTheOtherIgnored()
    {
        var sample = await cloud.SeedSampleAsync();
        var image = sample.NewImageId;

        // A duplicate event, a replay, or a second rule: the same AMI announced twice at once.
        await Task.WhenAll(cloud.AnnounceAsync(image), cloud.AnnounceAsync(image));

        var results = await cloud.EndedExecutionsAsync(image, 2);

        var outcomes = results.Select(TriggerCloud.Output).Select(o => o["outcome"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["Ignored", "Promoted"], outcomes);
    }

    [Fact]
    public async Task ImageBuilderBuild_AmiInThisRegion_Deployed()
    {
        var sample = await cloud.SeedSampleAsync();
        var other = "ami-0123456789abcdef0";

        var arn = await cloud.Cloud.ImageBuilder.CreateImageAsync(new NewImage("shop-recipe", "1.0.0", [new NewImageAmi("eu-west-1", other), new NewImageAmi("us-east-1", sample.NewImageId)]));

        var result = Assert.Single(await cloud.EndedExecutionsAsync(arn, 1));
        var outcome = TriggerCloud.Output(result);
        Assert.Equal("Promoted", outcome["outcome"]!.GetValue<string>());
        Assert.Equal(sample.NewImageId, outcome["imageId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ImageBuilderBuild_NoAmiInThisRegion_Ignored()
    {
        var arn = await cloud.Cloud.ImageBuilder.CreateImageAsync(new NewImage("elsewhere-recipe", "1.0.0", [new NewImageAmi("eu-west-1", "ami-0123456789abcdef0")]));

        var result = Assert.Single(await cloud.EndedExecutionsAsync(arn, 1));
        Assert.Contains("no AMI in us-east-1", TriggerCloud.Output(result)["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateImage_MixedInstancesBlueOfFour_GreenOfFour()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 4, BlueLaunchSpec.MixedInstancesPolicy);
        var blue = Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]));
        Assert.Equal(4, blue.Instances.Count);

        await cloud.AnnounceAsync(sample.NewImageId);
        var outcome = TriggerCloud.Output(Assert.Single(await cloud.EndedExecutionsAsync(sample.NewImageId, 1)));

        var green = Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([outcome["liveGroup"]!.GetValue<string>()]));
        Assert.Equal(4, green.Instances.Count(i => i.LifecycleState == "InService"));
        Assert.NotNull(green.MixedInstancesPolicy);
    }

    private async Task<IReadOnlyList<string>> WaitForExecutionsAsync(string text, int count)
    {
        IReadOnlyList<string> found = [];
        await WaitUntilAsync(async () => (found = await cloud.ExecutionsMentioningAsync(text)).Count >= count);
        return found;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "timed out waiting");
            await Task.Delay(20);
        }
    }
}
