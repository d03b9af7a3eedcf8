using BlueGreen.Aws;
using System.Text.Json.Nodes;
using BlueGreen.Local.Stack;
using BlueGreen.Local.Tests.Support;

namespace BlueGreen.Local.Tests.Stack;

[Collection(LocalCloudCollection.Name)]
public sealed class StackDeployerTests(LocalCloudFixture fixture)
{
    private const string DeploymentMachine = "arn:aws:states:us-east-1:123456789012:stateMachine:BlueGreenDeployment";

    private LocalCloud Cloud => fixture.Cloud;

    [Fact]
    public async Task StartAsync_FixtureTemplate_StateMachineDefinitionFullyResolved()
    {
        var arn = Cloud.StateMachineArn("FixtureWorkflow");

        var described = await Cloud.Raw.JsonAsync("states", "AWSStepFunctions", "DescribeStateMachine", new { stateMachineArn = arn });

        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:FixtureWorkflow", arn);
        var definition = JsonNode.Parse(described!["definition"]!.GetValue<string>())!;
        var states = definition["States"]!;
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:FlakyFunction", states["CallFlaky"]!["Resource"]!.GetValue<string>());
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:CheckGreenHealthFunction",
            states["CheckGreenHealth"]!["Parameters"]!["FunctionName"]!.GetValue<string>());
        var parameters = states["Describe resources"]!["Parameters"]!;
        Assert.Equal("bluegreen-test-locks", parameters["table"]!.GetValue<string>());
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:bluegreen-test-local-events", parameters["topic"]!.GetValue<string>());
        Assert.Equal("plain", parameters["plain"]!.GetValue<string>());
        Assert.Equal(["bluegreen-test-locks"], Cloud.Stack.TableNames);
    }

    [Fact]
    public async Task DeployAsync_SecondTime_UpdatesInPlace()
    {
        var deployer = new StackDeployer(new AwsClients(LocalCloud.ClientSettingsFor(Cloud.MotoEndpoint, "us-east-1")), "us-east-1", "123456789012", "bluegreen-test");

        var stack = await deployer.DeployAsync(LocalCloudFixture.FixturePath("serverless.template"));

        Assert.Equal(Cloud.StateMachineArn("FixtureWorkflow"), stack.StateMachineArns["FixtureWorkflow"]);
    }

    [Fact]
    public async Task DeployAsync_RepositoryTemplate_OutputsEvaluatedForDescribeStacks()
    {
        var deployer = new StackDeployer(new AwsClients(LocalCloud.ClientSettingsFor(Cloud.MotoEndpoint, "us-east-1")), "us-east-1", "123456789012", "bluegreen");
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "BlueGreenFunctions.sln")))
        {
            root = root.Parent!;
        }

        var stack = await deployer.DeployAsync(Path.Combine(root.FullName, "serverless.template"));

        Assert.Equal("bluegreen", stack.StackName);
        Assert.Equal(stack.StateMachineArns.Values.Single(), stack.Outputs["StateMachineArn"]);
        Assert.Equal("bluegreen-locks", stack.Outputs["LockTableName"]);
    }

    [Fact]
    public async Task DeployAsync_RepositoryTemplate_PutsTheStoppedDeploymentRuleWithItsPatternAndTargetResolved()
    {
        var deployer = new StackDeployer(new AwsClients(LocalCloud.ClientSettingsFor(Cloud.MotoEndpoint, "us-east-1")), "us-east-1", "123456789012", "bluegreen");
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "BlueGreenFunctions.sln")))
        {
            root = root.Parent!;
        }

        var stack = await deployer.DeployAsync(Path.Combine(root.FullName, "serverless.template"));

        Assert.Contains("RecoverStoppedDeploymentRule", stack.Rules);
        var machine = "arn:aws:states:us-east-1:123456789012:stateMachine:BlueGreenDeployment";
        var rule = await Cloud.Raw.JsonAsync("events", "AWSEvents", "DescribeRule", new { Name = "RecoverStoppedDeploymentRule" });
        var pattern = JsonNode.Parse(rule!["EventPattern"]!.GetValue<string>())!;
        Assert.Equal(["aws.states"], pattern["source"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["ABORTED", "TIMED_OUT"], pattern["detail"]!["status"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal([machine], pattern["detail"]!["stateMachineArn"]!.AsArray().Select(v => v!.GetValue<string>()));
        var target = Assert.Single((await Cloud.Raw.JsonAsync("events", "AWSEvents", "ListTargetsByRule", new { Rule = "RecoverStoppedDeploymentRule" }))!["Targets"]!.AsArray())!;
        Assert.Equal(machine, target["Arn"]!.GetValue<string>());
        Assert.Equal("arn:aws:iam::123456789012:role/RecoverStoppedDeploymentRuleRole", target["RoleArn"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeployAsync_RepositoryTemplate_DeploysTheStateMachinesSamEventsAsRules()
    {
        var template = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryTemplate()))!;
        var events = template["Resources"]!["BlueGreenStateMachine"]!["Properties"]!["Events"]!.AsObject();

        var stack = await RepositoryDeployer().DeployAsync(RepositoryTemplate());

        Assert.NotEmpty(events);
        foreach (var (eventId, samEvent) in events)
        {
            var name = "BlueGreenStateMachine" + eventId;
            Assert.Contains(name, stack.Rules);
            var rule = await Cloud.Raw.JsonAsync("events", "AWSEvents", "DescribeRule", new { Name = name });
            Assert.True(JsonNode.DeepEquals(samEvent!["Properties"]!["Pattern"], JsonNode.Parse(rule!["EventPattern"]!.GetValue<string>())), $"{name}'s pattern");
            Assert.Equal("ENABLED", rule["State"]!.GetValue<string>());
            var target = Assert.Single((await Cloud.Raw.JsonAsync("events", "AWSEvents", "ListTargetsByRule", new { Rule = name }))!["Targets"]!.AsArray())!;
            // SAM's target id: <rule logical id>StepFunctionsTarget, the logical id cut to fit 64 characters.
            Assert.Equal(name[..Math.Min(name.Length, 64 - 19)] + "StepFunctionsTarget", target["Id"]!.GetValue<string>());
            Assert.Equal(DeploymentMachine, target["Arn"]!.GetValue<string>());
            Assert.Equal($"arn:aws:iam::123456789012:role/{name}Role", target["RoleArn"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task PutEvents_AmiAvailableAfterRepositoryTemplateDeployed_StartsTheStateMachineWithTheEvent()
    {
        await RepositoryDeployer().DeployAsync(RepositoryTemplate());
        var image = $"ami-{Guid.NewGuid():N}"[..21];
        var detail = new JsonObject { ["RequestId"] = Guid.NewGuid().ToString(), ["ImageId"] = image, ["State"] = "available", ["ErrorMessage"] = "" };
        var entries = new JsonArray(new JsonObject
        {
            ["Source"] = "aws.ec2",
            ["DetailType"] = "EC2 AMI State Change",
            ["Resources"] = new JsonArray($"arn:aws:ec2:us-east-1::image/{image}"),
            ["Detail"] = detail.ToJsonString(),
        });

        var put = await AwsCli.RunAsync(Cloud.Endpoint, "events", "put-events", "--entries", entries.ToJsonString());

        Assert.True(put.ExitCode == 0, put.Error);
        var input = await ExecutionInputNamingAsync(image, TimeSpan.FromSeconds(10));
        Assert.Equal("aws.ec2", input["source"]!.GetValue<string>());
        Assert.Equal("EC2 AMI State Change", input["detail-type"]!.GetValue<string>());
        Assert.Equal([$"arn:aws:ec2:us-east-1::image/{image}"], input["resources"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(detail, input["detail"]), input.ToJsonString());
    }

    [Fact]
    public async Task RegisterImage_AfterRepositoryTemplateDeployed_ItsAvailableEventStartsTheStateMachine()
    {
        await RepositoryDeployer().DeployAsync(RepositoryTemplate());

        var registered = await AwsCli.RunAsync(Cloud.Endpoint, "ec2", "register-image", "--name", $"image-{Guid.NewGuid():N}", "--root-device-name", "/dev/xvda");

        Assert.True(registered.ExitCode == 0, registered.Error);
        var image = JsonNode.Parse(registered.Output)!["ImageId"]!.GetValue<string>();
        var input = await ExecutionInputNamingAsync(image, TimeSpan.FromSeconds(10));
        Assert.Equal("available", input["detail"]!["State"]!.GetValue<string>());
    }

    /// <summary>The input of the deployment execution the event for <paramref name="image"/> started
    /// (its outcome is the workflow's business, not the stack's).</summary>
    private async Task<JsonNode> ExecutionInputNamingAsync(string image, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var executions = (await Cloud.Raw.JsonAsync("states", "AWSStepFunctions", "ListExecutions", new { stateMachineArn = DeploymentMachine }))!["executions"]!.AsArray();
            foreach (var execution in executions)
            {
                var described = await Cloud.Raw.JsonAsync("states", "AWSStepFunctions", "DescribeExecution", new { executionArn = execution!["executionArn"]!.GetValue<string>() });
                var input = JsonNode.Parse(described!["input"]!.GetValue<string>())!;
                if (input["detail"]?["ImageId"]?.GetValue<string>() == image)
                {
                    return input;
                }
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"no execution of {DeploymentMachine} was started for {image} within {timeout}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private StackDeployer RepositoryDeployer() =>
        new(new AwsClients(LocalCloud.ClientSettingsFor(Cloud.MotoEndpoint, "us-east-1")), "us-east-1", "123456789012", "bluegreen");

    private static string RepositoryTemplate()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "BlueGreenFunctions.sln")))
        {
            root = root.Parent!;
        }

        return Path.Combine(root.FullName, "serverless.template");
    }

    [Fact]
    public async Task DeployAsync_SubstitutionMissing_FailsNamingEveryUnresolvedPlaceholder()
    {
        var deployer = new StackDeployer(new AwsClients(LocalCloud.ClientSettingsFor(Cloud.MotoEndpoint, "us-east-1")), "us-east-1", "123456789012", "bluegreen-test");

        var failure = await Assert.ThrowsAsync<StackDeploymentFailed>(() => deployer.DeployAsync(LocalCloudFixture.FixturePath("unresolved.template")));

        Assert.Contains("${LockTableName}", failure.Message);
        Assert.Contains("${EventsTopicArn}", failure.Message);
        Assert.Contains("${PlainValue}", failure.Message);
        Assert.Contains("${CheckGreenHealthFunctionArn}", failure.Message);
        Assert.DoesNotContain("${FlakyFunctionArn}", failure.Message);
        var machines = await Cloud.Raw.JsonAsync("states", "AWSStepFunctions", "ListStateMachines", new { });
        Assert.DoesNotContain("Unresolved", machines!["stateMachines"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
    }
}
