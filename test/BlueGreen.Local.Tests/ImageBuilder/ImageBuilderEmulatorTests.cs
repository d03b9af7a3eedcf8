using System.Net;
using BlueGreen.Aws.Events;
using BlueGreen.Aws;
using BlueGreen.Aws.ImageBuilder;
using BlueGreen.Local.Stack;
using System.Text.Json.Nodes;
using BlueGreen.Local.Tests.CodeDeploy;
using BlueGreen.Local.Tests.Support;

namespace BlueGreen.Local.Tests.ImageBuilder;

/// <summary>Image Builder in the local cloud, used as users would: the control API makes an image
/// build, the AWS CLI reads it, an EventBridge rule sees its state change event.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class ImageBuilderEmulatorTests(LocalCloudFixture fixture)
{
    private LocalCloud Cloud => fixture.Cloud;

    [Fact]
    public async Task CreateImage_ThenAwsCliGetImage_ReturnsTheBuildWithItsAmis()
    {
        // Arrange
        var name = Name();
        var arn = await CreateImageAsync($$"""{"name":"{{name}}","version":"1.0.0","amis":[{"region":"us-east-1","image":"ami-0abc1234"}]}""");

        // Act
        var cli = await AwsCli.RunAsync(Cloud.Endpoint, "imagebuilder", "get-image", "--image-build-version-arn", arn);

        // Assert
        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Equal($"arn:aws:imagebuilder:us-east-1:123456789012:image/{name}/1.0.0/1", arn);
        var image = JsonNode.Parse(cli.Output)!["image"]!;
        Assert.Equal((arn, name, "1.0.0"), (image["arn"]!.GetValue<string>(), image["name"]!.GetValue<string>(), image["version"]!.GetValue<string>()));
        Assert.Equal("AVAILABLE", image["state"]!["status"]!.GetValue<string>());
        var ami = Assert.Single(image["outputResources"]!["amis"]!.AsArray())!;
        Assert.Equal(("us-east-1", "ami-0abc1234", "123456789012"), (ami["region"]!.GetValue<string>(), ami["image"]!.GetValue<string>(), ami["accountId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CreateImage_ThenBlueGreenClientGetImage_ReadsTheAmis()
    {
        // Arrange
        var arn = await CreateImageAsync($$"""{"name":"{{Name()}}","version":"1.0.0","amis":[{"region":"us-east-1","image":"ami-0abc1234","name":"shop 1.0.0"}]}""");
        using var clients = new AwsClients(Cloud.ClientSettings);

        // Act
        var image = await clients.ImageBuilder.GetImageAsync(arn);
        var missing = await clients.ImageBuilder.GetImageAsync(arn[..^1] + "9");

        // Assert
        Assert.Equal(new ImageBuildAmi("us-east-1", "ami-0abc1234", "123456789012", "shop 1.0.0"), Assert.Single(image!.Amis));
        Assert.Equal("AVAILABLE", image.Status);
        Assert.Null(missing);
    }

    [Fact]
    public async Task AwsCliGetImage_UnknownBuild_ResourceNotFoundException()
    {
        // Act
        var cli = await AwsCli.RunAsync(Cloud.Endpoint, "imagebuilder", "get-image", "--image-build-version-arn",
            "arn:aws:imagebuilder:us-east-1:123456789012:image/no-such-recipe/1.0.0/1");

        // Assert
        Assert.NotEqual(0, cli.ExitCode);
        Assert.Contains("An error occurred (ResourceNotFoundException) when calling the GetImage operation", cli.Error);
    }

    [Fact]
    public async Task AwsCliListImageBuildVersions_TwoBuilds_ListsBothOldestFirst()
    {
        // Arrange
        var name = Name();
        var first = await CreateImageAsync($$"""{"name":"{{name}}","version":"2.0.0","amis":[{"region":"us-east-1","image":"ami-01"}]}""");
        var second = await CreateImageAsync($$"""{"name":"{{name}}","version":"2.0.0","status":"FAILED","reason":"tests failed"}""");

        // Act
        var cli = await AwsCli.RunAsync(Cloud.Endpoint, "imagebuilder", "list-image-build-versions",
            "--image-version-arn", $"arn:aws:imagebuilder:us-east-1:123456789012:image/{name}/2.0.0");

        // Assert
        Assert.True(cli.ExitCode == 0, cli.Error);
        var builds = JsonNode.Parse(cli.Output)!["imageSummaryList"]!.AsArray();
        Assert.Equal([first, second], builds.Select(b => b!["arn"]!.GetValue<string>()));
        Assert.Equal(["AVAILABLE", "FAILED"], builds.Select(b => b!["state"]!["status"]!.GetValue<string>()));
        Assert.EndsWith("/2.0.0/2", second);
    }

    [Fact]
    public async Task CreateImage_RuleOnImageStateChanges_QueueReceivesTheRealEventShape()
    {
        // Arrange: a rule for Image Builder's state changes, with a queue as its target.
        var queue = $"images-{Guid.NewGuid():N}";
        var queueUrl = (await Cloud.Raw.JsonAsync("sqs", "AmazonSQS", "CreateQueue", new { QueueName = queue }))!["QueueUrl"]!.GetValue<string>();
        await Cloud.Clients.Events.PutRuleAsync(queue, """{"source":["aws.imagebuilder"],"detail-type":["EC2 Image Builder Image State Change"],"detail":{"state":{"status":["AVAILABLE"]}}}""", enabled: true);
        await Cloud.Clients.Events.PutTargetsAsync(queue, [new RuleTarget("queue", $"arn:aws:sqs:us-east-1:123456789012:{queue}")]);

        // Act
        var arn = await CreateImageAsync($$"""{"name":"{{Name()}}","version":"1.2.3","amis":[{"region":"us-east-1","image":"ami-0abc1234"}]}""");

        // Assert: moto delivers while answering PutEvents, so the event is there already.
        var received = await Cloud.Raw.JsonAsync("sqs", "AmazonSQS", "ReceiveMessage", new { QueueUrl = queueUrl, MaxNumberOfMessages = 10 });
        var events = (received?["Messages"]?.AsArray() ?? []).Select(m => JsonNode.Parse(m!["Body"]!.GetValue<string>())!).ToList();
        var delivered = Assert.Single(events, e => e["resources"]!.AsArray().Single()!.GetValue<string>() == arn);
        Assert.Equal(("aws.imagebuilder", "EC2 Image Builder Image State Change"), (delivered["source"]!.GetValue<string>(), delivered["detail-type"]!.GetValue<string>()));
        // moto's SQS delivery leaves out "account" (its default input template has none); AWS sends it.
        Assert.Equal("us-east-1", delivered["region"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"previous-state":{"status":"TESTING"},"state":{"status":"AVAILABLE"}}"""),
            delivered["detail"]));
    }

    [Fact]
    public async Task CreateImage_RepositoryTemplateDeployed_ItsImageBuilderRuleStartsTheDeployment()
    {
        // Arrange: serverless.template's ImageBuilderImageAvailable rule, targeting BlueGreenDeployment.
        await new StackDeployer(new AwsClients(LocalCloud.ClientSettingsFor(Cloud.MotoEndpoint, "us-east-1")), "us-east-1", "123456789012", "bluegreen")
            .DeployAsync(RepositoryTemplate());

        // Act
        var arn = await CreateImageAsync($$"""{"name":"{{Name()}}","version":"1.0.0","amis":[{"region":"us-east-1","image":"ami-0abc1234"}]}""");

        // Assert: an execution was started with the event (what it then does is the workflow's business).
        var input = await DeploymentInputNamingAsync(arn, TimeSpan.FromSeconds(10));
        Assert.Equal("EC2 Image Builder Image State Change", input["detail-type"]!.GetValue<string>());
        Assert.Equal("AVAILABLE", input["detail"]!["state"]!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[]", "body must be a JSON object")]
    [InlineData("""{"version":"1.0.0","amis":[{"region":"us-east-1","image":"ami-01"}]}""", "name")]
    [InlineData("""{"name":"Shop Recipe","version":"1.0.0","amis":[{"region":"us-east-1","image":"ami-01"}]}""", "name must match")]
    [InlineData("""{"name":"shop","version":"1.0","amis":[{"region":"us-east-1","image":"ami-01"}]}""", "version")]
    [InlineData("""{"name":"shop","version":"1.0.0"}""", "amis must name at least one AMI")]
    [InlineData("""{"name":"shop","version":"1.0.0","amis":{"region":"us-east-1"}}""", "amis must be a list")]
    [InlineData("""{"name":"shop","version":"1.0.0","amis":[{"image":"ami-01"}]}""", "amis[0].region")]
    [InlineData("""{"name":"shop","version":"1.0.0","amis":[{"region":"us-east-1","image":"i-0123"}]}""", "amis[0].image")]
    [InlineData("""{"name":"shop","version":"1.0.0","status":"BUILDING","amis":[{"region":"us-east-1","image":"ami-01"}]}""", "status must be one of")]
    [InlineData("""{"name":"shop","version":1,"amis":[]}""", "version must be a string")]
    public async Task CreateImage_BadInput_400NamingTheProblem(string body, string expected)
    {
        // Act
        using var response = await Cloud.Raw.ControlAsync(HttpMethod.Post, "/imagebuilder/images", body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Responses_GetImageAndListImageBuildVersions_MatchBotocoreModel()
    {
        // Arrange
        var name = Name();
        var arn = await CreateImageAsync($$"""{"name":"{{name}}","version":"3.0.0","amis":[{"region":"us-east-1","image":"ami-01","name":"shop 3"}]}""");
        await CreateImageAsync($$"""{"name":"{{name}}","version":"3.0.0","status":"CANCELLED"}""");

        // Act
        var responses = new JsonObject
        {
            ["GetImage"] = await ImageBuilderAsync(HttpMethod.Get, "/GetImage?imageBuildVersionArn=" + Uri.EscapeDataString(arn)),
            ["ListImageBuildVersions"] = await ImageBuilderAsync(HttpMethod.Post, "/ListImageBuildVersions", """{"maxResults":1}"""),
        };

        // Assert
        Assert.Equal("[]", await BotocoreShapeCheck.RunAsync("imagebuilder", responses));
        Assert.NotNull(responses["ListImageBuildVersions"]!["nextToken"]);
    }

    private async Task<JsonNode> DeploymentInputNamingAsync(string imageArn, TimeSpan timeout)
    {
        const string machine = "arn:aws:states:us-east-1:123456789012:stateMachine:BlueGreenDeployment";
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var executions = (await Cloud.Raw.JsonAsync("states", "AWSStepFunctions", "ListExecutions", new { stateMachineArn = machine }))!["executions"]!.AsArray();
            foreach (var execution in executions)
            {
                var described = await Cloud.Raw.JsonAsync("states", "AWSStepFunctions", "DescribeExecution", new { executionArn = execution!["executionArn"]!.GetValue<string>() });
                var input = JsonNode.Parse(described!["input"]!.GetValue<string>())!;
                if (input["resources"]?.AsArray().Any(r => r?.GetValue<string>() == imageArn) == true)
                {
                    return input;
                }
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"no execution of {machine} was started for {imageArn} within {timeout}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static string RepositoryTemplate() =>
        Path.Combine(LocalCloud.FindRepositoryRoot(AppContext.BaseDirectory)!, "serverless.template");

    private static string Name() => $"shop-{Guid.NewGuid():N}"[..13];

    private async Task<string> CreateImageAsync(string body)
    {
        using var response = await Cloud.Raw.ControlAsync(HttpMethod.Post, "/imagebuilder/images", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!["arn"]!.GetValue<string>();
    }

    private async Task<JsonNode> ImageBuilderAsync(HttpMethod method, string pathAndQuery, string? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Cloud.Endpoint, pathAndQuery))
        {
            Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await Cloud.Raw.SendAsync(request, "imagebuilder");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }
}
