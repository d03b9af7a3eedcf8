using System.Text.Json.Nodes;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>The real BlueGreenDeployment state machine, executed by moto, calling our handlers through the gateway.</summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class NormalizeRequestRunTests(WorkflowCloud cloud)
{
    [Fact]
    public async Task Execution_ValidConsoleRequest_SucceedsWithTheNormalizedDeployment()
    {
        var (application, image) = await cloud.SeedApplicationAsync();

        var result = await cloud.RunAsync($$"""{ "application": "{{application}}", "imageId": "{{image}}", "reason": "base image" }""");

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        var output = JsonNode.Parse(result.Output!)!;
        Assert.Equal(application, output["application"]!.GetValue<string>());
        Assert.Equal(image, output["imageId"]!.GetValue<string>());
        Assert.Matches("^[a-z2-7]{12}$", output["deploymentId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execution_AmiAvailableEvent_FindsTheApplicationFromTheTag()
    {
        var (application, image) = await cloud.SeedApplicationAsync();
        var amiEvent = new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = "EC2 AMI State Change",
            ["source"] = "aws.ec2",
            ["account"] = "123456789012",
            ["region"] = "us-east-1",
            ["resources"] = new JsonArray($"arn:aws:ec2:us-east-1::image/{image}"),
            ["detail"] = new JsonObject { ["ImageId"] = image, ["State"] = "available" },
        };

        var result = await cloud.RunAsync(amiEvent.ToJsonString());

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        Assert.Equal(application, JsonNode.Parse(result.Output!)!["application"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execution_InvalidRequest_FailsByNameWithEveryProblemAndNoWrite()
    {
        var before = cloud.Cloud.Calls.Snapshot();

        var result = await cloud.RunAsync("""{ "application": "Shop", "imageId": "ami-1", "traffic": { "type": "Canary", "percent": 101 } }""");

        Assert.Equal("FAILED", result.Status);
        Assert.Equal("InvalidRequest", result.Error);
        Assert.Contains("$.application", result.Cause);
        Assert.Contains("$.imageId", result.Cause);
        Assert.Contains("$.traffic.percent", result.Cause);
        Assert.Equal(0, WorkflowCloud.ResourceWrites(before, cloud.Cloud.Calls.Snapshot()));
    }

    [Fact]
    public async Task Execution_ForeignImage_FailsWithImageNotAllowed()
    {
        var (application, _) = await cloud.SeedApplicationAsync();
        var foreign = (await cloud.Aws.Ec2.DescribeImagesAsync(new() { Owners = ["amazon"] }))[0].ImageId;

        var result = await cloud.RunAsync($$"""{ "application": "{{application}}", "imageId": "{{foreign}}" }""");

        Assert.Equal("FAILED", result.Status);
        Assert.Equal("ImageNotAllowed", result.Error);
        Assert.Contains("allowedImageOwners", result.Cause);
    }

    [Fact]
    public async Task Execution_SettingsStoreFailsLongerThanTheClientRetries_StateMachineRetryRecovers()
    {
        var (application, image) = await cloud.SeedApplicationAsync();
        // More 500s than one invocation's client retries (5 attempts): the handler fails Transient
        // once, the ASL Retry invokes it again, and the second invocation gets through.
        cloud.Cloud.Faults.FailWithServerError("ssm", "GetParameter", times: 7);
        var invokesBefore = cloud.Cloud.Calls.Snapshot().Count("lambda", "Invoke");

        var result = await cloud.RunAsync($$"""{ "application": "{{application}}", "imageId": "{{image}}" }""");

        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
        Assert.Equal(2, cloud.Cloud.Calls.Snapshot().Count("lambda", "Invoke") - invokesBefore);
    }
}
