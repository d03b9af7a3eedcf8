using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Handlers;

[Collection(FunctionsCloudCollection.Name)]
public sealed class NormalizeRequestTests(FunctionsCloud cloud)
{
    private const string SwapSettings = """
        { "liveGroup": "{app}-blue", "strategy": "swap",
          "targetGroupArns": ["arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/{app}/0123456789abcdef"] }
        """;

    private readonly NormalizeRequest _handler = new(cloud.Services);

    [Fact]
    public async Task HandleAsync_ConsoleRequest_ReturnsTheDeploymentWithEffectiveSettings()
    {
        var app = await SeedApplicationAsync();
        var image = await cloud.CreateOwnImageAsync(new Dictionary<string, string> { ["bluegreen:application"] = app });

        var deployment = await InvokeAsync(new JsonObject { ["application"] = app, ["imageId"] = image, ["reason"] = "patch Tuesday" }, "exec-console-1");

        Assert.Equal(app, deployment["application"]!.GetValue<string>());
        Assert.Equal(image, deployment["imageId"]!.GetValue<string>());
        Assert.Equal("swap", deployment["strategy"]!.GetValue<string>());
        Assert.Equal("request", deployment["trigger"]!.GetValue<string>());
        Assert.Equal("AllAtOnce", deployment["settings"]!["traffic"]!["type"]!.GetValue<string>());
        Assert.Equal($"{app}-{deployment["deploymentId"]}", deployment["names"]!["greenGroup"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_StoppedExecutionStatusChange_ReturnsTheExecutionToCleanUpReadingNothing()
    {
        const string stopped = "arn:aws:states:us-east-1:123456789012:execution:BlueGreenDeployment:run-7";
        var statusChange = new JsonObject
        {
            ["source"] = "aws.states",
            ["detail-type"] = "Step Functions Execution Status Change",
            ["detail"] = new JsonObject { ["executionArn"] = stopped, ["status"] = "TIMED_OUT" },
        };
        var before = cloud.Cloud.Calls.Snapshot().Total;

        var result = await InvokeAsync(statusChange, "exec-cleanup-1");

        Assert.Equal(stopped, result["stoppedExecution"]!["executionArn"]!.GetValue<string>());
        Assert.Equal("TIMED_OUT", result["stoppedExecution"]!["status"]!.GetValue<string>());
        Assert.False(result.ContainsKey("application"));
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Total);
    }

    [Fact]
    public async Task HandleAsync_AmiEvent_TakesTheApplicationFromTheImageTag()
    {
        var app = await SeedApplicationAsync();
        var image = await cloud.CreateOwnImageAsync(new Dictionary<string, string> { ["bluegreen:application"] = app });

        var deployment = await InvokeAsync(AmiEvent(image), "exec-event-1");

        Assert.Equal(app, deployment["application"]!.GetValue<string>());
        Assert.Equal("amiStateChange", deployment["trigger"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_RunTwice_GivesTheSameDeploymentAndWritesNothing()
    {
        var app = await SeedApplicationAsync();
        var image = await cloud.CreateOwnImageAsync(new Dictionary<string, string> { ["bluegreen:application"] = app });
        var input = new JsonObject { ["application"] = app, ["imageId"] = image };
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var first = await InvokeAsync(input, "exec-twice");
        var second = await InvokeAsync(input, "exec-twice");

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
    }

    [Fact]
    public async Task HandleAsync_ApplicationWithoutSettings_InvalidRequestNamesTheParameter()
    {
        var image = await cloud.CreateOwnImageAsync(new Dictionary<string, string>());

        var error = await Assert.ThrowsAsync<InvalidRequest>(() => InvokeAsync(new JsonObject { ["application"] = "nosettings", ["imageId"] = image }, "exec-nosettings"));

        Assert.Contains("/bluegreen/applications/nosettings", error.Message);
    }

    [Fact]
    public async Task HandleAsync_SettingsWithProblems_InvalidRequestListsEveryOne()
    {
        var app = UniqueApplication();
        // Two problems the schema finds (the rules between fields wait until it accepts the document).
        await cloud.PutSettingsAsync(app, """{ "strategy": "weighted", "weighted": { "listenerArn": "nope", "targetGroupArns": [] }, "traffic": { "type": "Canary", "percent": 0 } }""");
        var image = await cloud.CreateOwnImageAsync(new Dictionary<string, string>());

        var error = await Assert.ThrowsAsync<InvalidRequest>(() => InvokeAsync(new JsonObject { ["application"] = app, ["imageId"] = image }, "exec-badsettings"));

        Assert.True(error.Problems.Count >= 2, error.Message);
        Assert.Contains(error.Problems, p => p.Path.Contains("weighted", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Path.Contains("percent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_ImageOfAnotherAccount_ImageNotAllowedNamesTheOwner()
    {
        var app = await SeedApplicationAsync();
        var foreign = await cloud.AnyForeignImageAsync();

        var error = await Assert.ThrowsAsync<ImageNotAllowed>(() => InvokeAsync(new JsonObject { ["application"] = app, ["imageId"] = foreign }, "exec-foreign"));

        Assert.Contains("allowedImageOwners", error.Message);
        Assert.Contains(foreign, error.Message);
    }

    [Fact]
    public async Task HandleAsync_EventForUntaggedImage_LooksAgainSoonReadingOnly()
    {
        var image = await cloud.CreateOwnImageAsync(new Dictionary<string, string>());
        var writesBefore = cloud.Cloud.Calls.Snapshot().Mutating;

        var result = await InvokeAsync(AmiEvent(image), "exec-untagged");

        var awaiting = result["awaitingImageTag"]!;
        Assert.Equal(image, awaiting["imageId"]!.GetValue<string>());
        Assert.Equal(0, awaiting["waitedSeconds"]!.GetValue<int>());
        Assert.Equal(5, awaiting["checkAgainInSeconds"]!.GetValue<int>());
        Assert.Equal("aws.ec2", result["event"]!["source"]!.GetValue<string>());
        Assert.Equal(writesBefore, cloud.Cloud.Calls.Snapshot().Mutating);
    }

    [Fact]
    public async Task HandleAsync_LookAgainAfterTheTagArrived_DeploysToTheTaggedApplication()
    {
        var app = await SeedApplicationAsync();
        var image = await cloud.CreateOwnImageAsync(new Dictionary<string, string>());
        var firstLook = await InvokeAsync(AmiEvent(image), "exec-tagged-later");
        await cloud.TagImageAsync(image, "bluegreen:application", app);

        var deployment = await InvokeAsync(firstLook, "exec-tagged-later");

        Assert.Equal(app, deployment["application"]!.GetValue<string>());
        Assert.Equal(image, deployment["imageId"]!.GetValue<string>());
        Assert.Equal("amiStateChange", deployment["trigger"]!.GetValue<string>());
    }

    [Fact]
    public async Task HandleAsync_StillUntaggedWhenTheWaitIsOver_IgnoredSayingHowToTagIt()
    {
        var image = await cloud.CreateOwnImageAsync(new Dictionary<string, string>());
        var firstLook = await InvokeAsync(AmiEvent(image), "exec-never-tagged");
        firstLook["awaitingImageTag"]!["waitedSeconds"] = 598;
        firstLook["awaitingImageTag"]!["checkAgainInSeconds"] = 2;

        var result = await InvokeAsync(firstLook, "exec-never-tagged");

        var ignored = result["ignored"]!;
        Assert.Equal("Ignored", ignored["outcome"]!.GetValue<string>());
        Assert.Equal(image, ignored["imageId"]!.GetValue<string>());
        Assert.Contains("No application claims", ignored["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("ImageTagWaitMinutes", ignored["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pending", "only an available image is deployed")]
    [InlineData("failed", "only an available image is deployed")]
    public async Task HandleAsync_EventForAnImageNotAvailable_IgnoredWithoutLooking(string state, string reason)
    {
        var image = await cloud.CreateOwnImageAsync(new Dictionary<string, string>());
        var amiEvent = AmiEvent(image);
        amiEvent["detail"]!["State"] = state;
        var before = cloud.Cloud.Calls.Snapshot().Total;

        var result = await InvokeAsync(amiEvent, $"exec-{state}");

        Assert.Contains(reason, result["ignored"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(image, result["ignored"]!["imageId"]!.GetValue<string>());
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Total);
    }

    [Fact]
    public async Task HandleAsync_EventForAnAmiDeregisteredSince_Ignored()
    {
        var result = await InvokeAsync(AmiEvent("ami-00000000000000000"), "exec-deregistered");

        Assert.Contains("no longer exists", result["ignored"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ImageThatDoesNotExist_ImageNotAllowed()
    {
        var app = await SeedApplicationAsync();

        var error = await Assert.ThrowsAsync<ImageNotAllowed>(() => InvokeAsync(new JsonObject { ["application"] = app, ["imageId"] = "ami-00000000000000000" }, "exec-missing"));

        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public async Task HandleAsync_MalformedRequest_InvalidRequestBeforeAnyAwsCall()
    {
        var before = cloud.Cloud.Calls.Snapshot().Total;

        var error = await Assert.ThrowsAsync<InvalidRequest>(() => InvokeAsync(new JsonObject { ["application"] = "Shop!", ["imageId"] = "ami-xyz", ["strategey"] = "swap" }, "exec-malformed"));

        Assert.Equal(3, error.Problems.Count);
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Total);
    }

    [Fact]
    public async Task HandleAsync_SettingsStoreKeepsFailing_TransientForTheStateMachineToRetry()
    {
        var app = await SeedApplicationAsync();
        var image = await cloud.CreateOwnImageAsync(new Dictionary<string, string>());
        cloud.Cloud.Faults.FailWithServerError("ssm", "GetParameter", times: 20);
        try
        {
            var error = await Assert.ThrowsAsync<Transient>(() => InvokeAsync(new JsonObject { ["application"] = app, ["imageId"] = image }, "exec-transient"));

            Assert.Contains("GetParameter", error.Message);
        }
        finally
        {
            cloud.Cloud.Faults.Clear();
        }
    }

    [Fact]
    public async Task HandleAsync_Accepted_LogsOneJsonLineWithDeploymentKeys()
    {
        var app = await SeedApplicationAsync();
        var image = await cloud.CreateOwnImageAsync(new Dictionary<string, string>());

        var deployment = await InvokeAsync(new JsonObject { ["application"] = app, ["imageId"] = image }, "exec-log");

        var line = cloud.Log.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .Select(l => JsonNode.Parse(l)!)
            .Last(l => l["application"]?.GetValue<string>() == app);
        Assert.Equal("NormalizeRequest", line["step"]!.GetValue<string>());
        Assert.Equal(deployment["deploymentId"]!.GetValue<string>(), line["deploymentId"]!.GetValue<string>());
        Assert.Equal(image, line["imageId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "application": "shop", "traffic": { "percent": NaN } }""", "'N' is an invalid start of a value")]
    [InlineData("""{ "application": "shop", "traffic": { "percent": -Infinity } }""", "is invalid within a number")]
    [InlineData("""{ "application": "shop", "reason": {deep} }""", "maximum configured depth of 64")]
    public async Task HandleAsync_InputTheReaderRefuses_InvalidRequestSaysWhatToFixWritesNothing(string input, string reason)
    {
        var payload = $$"""{ "input": {{input.Replace("{deep}", new string('[', 200) + new string(']', 200), StringComparison.Ordinal)}}, "executionName": "exec-unreadable", "startedAt": "{{HandlerCalls.StartedAt}}" }""";
        var before = cloud.Cloud.Calls.Snapshot().Total;

        var error = await Assert.ThrowsAsync<InvalidRequest>(() => _handler.HandleAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(payload))));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("$", problem.Path, StringComparison.Ordinal);
        Assert.DoesNotContain("input", problem.Path, StringComparison.Ordinal);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
        Assert.Contains("NaN, Infinity and -Infinity are not JSON numbers", problem.Fix, StringComparison.Ordinal);
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Total);
    }

    private Task<JsonObject> InvokeAsync(JsonNode input, string executionName) =>
        HandlerCalls.NormalizeJsonAsync(_handler, input, executionName);

    private async Task<string> SeedApplicationAsync()
    {
        var app = UniqueApplication();
        await cloud.PutSettingsAsync(app, SwapSettings.Replace("{app}", app, StringComparison.Ordinal));
        return app;
    }

    private static string UniqueApplication() => "app-" + Guid.NewGuid().ToString("N")[..8];

    private static JsonObject AmiEvent(string imageId) => new()
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = "EC2 AMI State Change",
        ["source"] = "aws.ec2",
        ["account"] = "123456789012",
        ["time"] = "2026-11-27T10:00:00Z",
        ["region"] = "us-east-1",
        ["resources"] = new JsonArray($"arn:aws:ec2:us-east-1::image/{imageId}"),
        ["detail"] = new JsonObject { ["ImageId"] = imageId, ["State"] = "available" },
    };
}
