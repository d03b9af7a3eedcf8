using System.Text.Json.Nodes;
using BlueGreen.Workflow.Tests.Support;
using Xunit.Abstractions;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>
/// Image events given to the state machine directly (TriggerRunTests has them come through the
/// template's rules): an image that no application claims, or that is not available, ends
/// SUCCEEDED Ignored with no write and few states.
/// </summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class ImageEventRunTests(WorkflowCloud cloud, ITestOutputHelper output)
{
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
}
