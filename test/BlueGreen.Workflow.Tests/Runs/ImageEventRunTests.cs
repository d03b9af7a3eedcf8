using System.Text.Json.Nodes;
using BlueGreen.Local;
using BlueGreen.Workflow.Tests.Support;
using Xunit.Abstractions;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>
/// Image events through the real state machine: an AMI tagged after it became available still
/// deploys, once; an image that no application claims, or that is not available, ends SUCCEEDED
/// Ignored with no write; the same AMI announced twice deploys once.
/// </summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class ImageEventRunTests(WorkflowCloud cloud, ITestOutputHelper output)
{
    [Fact]
    public async Task AmiEvent_TaggedAfterTheEvent_DeploysOnceAfterLookingAgain()
    {
        var sample = await cloud.SeedSampleAsync();
        var image = await cloud.CreateImageAsync(tagged: null);
        var arn = await StartAsync(AmiEvents.Available(image));

        await WaitUntilEnteredAsync(arn, "WaitForImageTag");
        await cloud.TagImageAsync(image, sample.Application);
        var result = await cloud.Cloud.Aws.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(3));

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        var outcome = JsonNode.Parse(result.Output!)!;
        Assert.Equal("Promoted", outcome["outcome"]!.GetValue<string>());
        Assert.Equal(image, outcome["imageId"]!.GetValue<string>());
        var looks = (await cloud.Aws.StepFunctions.GetExecutionHistoryAsync(arn)).Count(e => e.Type == "TaskStateEntered" && e.StateName == "NormalizeRequest");
        Assert.True(looks >= 2, $"NormalizeRequest ran {looks} times");
        output.WriteLine($"tag arrived after the first look: deployed after {looks} looks");
    }

    [Theory]
    [InlineData("untagged AMI", "available", "No application claims")]
    [InlineData("AMI that failed", "failed", "only an available image is deployed")]
    public async Task AmiEvent_NotOurs_SucceedsIgnoredSayingWhyWithoutAWrite(string what, string state, string reason)
    {
        var image = await cloud.CreateImageAsync(tagged: null);
        var before = cloud.Cloud.Calls.Snapshot();

        var result = await cloud.RunAsync(AmiEvents.Available(image, state));

        Assert.True(result.Status == "SUCCEEDED", $"{what}: {result.Status} {result.Error} {result.Cause}");
        var outcome = JsonNode.Parse(result.Output!)!;
        Assert.Equal("Ignored", outcome["outcome"]!.GetValue<string>());
        Assert.Equal(image, outcome["imageId"]!.GetValue<string>());
        Assert.Contains(reason, outcome["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, WorkflowCloud.ResourceWrites(before, cloud.Cloud.Calls.Snapshot()));
        var entered = (await cloud.Aws.StepFunctions.GetExecutionHistoryAsync(result.ExecutionArn)).Count(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal));
        Assert.True(entered <= 40, $"{what}: {entered} states entered");
        output.WriteLine($"{what}: Ignored after {entered} states entered");
    }

    [Fact]
    public async Task AmiEvent_AnnouncedTwiceAtOnce_OneDeploymentTheOtherIgnoredNamingIt()
    {
        var sample = await cloud.SeedSampleAsync();
        var announcement = AmiEvents.Available(sample.NewImageId);

        var results = await Task.WhenAll(cloud.RunAsync(announcement), cloud.RunAsync(announcement));

        var outcomes = results.Select(r => (r, Output: r.Output is null ? null : JsonNode.Parse(r.Output))).ToList();
        Assert.All(results, r => Assert.True(r.Status == "SUCCEEDED", $"{r.Status} {r.Error} {r.Cause}"));
        var deployed = Assert.Single(outcomes, o => o.Output!["outcome"]!.GetValue<string>() == "Promoted");
        var ignored = Assert.Single(outcomes, o => o.Output!["outcome"]!.GetValue<string>() == "Ignored");
        Assert.Equal(deployed.r.ExecutionArn, ignored.Output!["deployedBy"]!["executionArn"]!.GetValue<string>());
        Assert.Equal(sample.Application, ignored.Output!["application"]!.GetValue<string>());
    }

    private Task<string> StartAsync(string input) =>
        cloud.Cloud.Aws.StartExecutionAsync(cloud.Cloud.StateMachineArn(WorkflowCloud.StateMachine), input);

    private async Task WaitUntilEnteredAsync(string executionArn, string state)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        while ((await cloud.Aws.StepFunctions.GetExecutionHistoryAsync(executionArn)).All(e => e.StateName != state))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{executionArn} never entered {state}");
            await Task.Delay(20);
        }
    }
}
