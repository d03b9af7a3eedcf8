using System.Text.Json.Nodes;
using BlueGreen.Local.Stack;
using BlueGreen.Local.Tests.Support;

namespace BlueGreen.Local.Tests.Stack;

[Collection(LocalCloudCollection.Name)]
public sealed class StackDeploymentTests(LocalCloudFixture fixture)
{
    private LocalCloud Cloud => fixture.Cloud;

    [Fact]
    public async Task StartAsync_FixtureTemplate_StateMachineDefinitionFullyResolved()
    {
        var arn = Cloud.StateMachineArn("FixtureWorkflow");

        var described = await Cloud.Aws.JsonAsync("states", "AWSStepFunctions", "DescribeStateMachine", new { stateMachineArn = arn });

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
        var deployer = new StackDeployer(new PlainAwsCalls(new HttpClient(), Cloud.MotoEndpoint), "us-east-1", "123456789012", "bluegreen-test");

        var stack = await deployer.DeployAsync(LocalCloudFixture.FixturePath("serverless.template"));

        Assert.Equal(Cloud.StateMachineArn("FixtureWorkflow"), stack.StateMachineArns["FixtureWorkflow"]);
    }

    [Fact]
    public async Task DeployAsync_SubstitutionMissing_FailsNamingEveryUnresolvedPlaceholder()
    {
        var deployer = new StackDeployer(new PlainAwsCalls(new HttpClient(), Cloud.MotoEndpoint), "us-east-1", "123456789012", "bluegreen-test");

        var failure = await Assert.ThrowsAsync<StackDeploymentFailed>(() => deployer.DeployAsync(LocalCloudFixture.FixturePath("unresolved.template")));

        Assert.Contains("${LockTableName}", failure.Message);
        Assert.Contains("${EventsTopicArn}", failure.Message);
        Assert.Contains("${PlainValue}", failure.Message);
        Assert.Contains("${CheckGreenHealthFunctionArn}", failure.Message);
        Assert.DoesNotContain("${FlakyFunctionArn}", failure.Message);
        var machines = await Cloud.Aws.JsonAsync("states", "AWSStepFunctions", "ListStateMachines", new { });
        Assert.DoesNotContain("Unresolved", machines!["stateMachines"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
    }
}
