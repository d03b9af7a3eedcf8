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
    public async Task DeployAsync_RepositoryTemplate_PutsTheStoppedDeploymentRuleWithItsPatternAndTargetResolved()
    {
        var deployer = new StackDeployer(new PlainAwsCalls(new HttpClient(), Cloud.MotoEndpoint), "us-east-1", "123456789012", "bluegreen");
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "BlueGreenFunctions.sln")))
        {
            root = root.Parent!;
        }

        var stack = await deployer.DeployAsync(Path.Combine(root.FullName, "serverless.template"));

        Assert.Contains("RecoverStoppedDeploymentRule", stack.Rules);
        var machine = "arn:aws:states:us-east-1:123456789012:stateMachine:BlueGreenDeployment";
        var rule = await Cloud.Aws.JsonAsync("events", "AWSEvents", "DescribeRule", new { Name = "RecoverStoppedDeploymentRule" });
        var pattern = JsonNode.Parse(rule!["EventPattern"]!.GetValue<string>())!;
        Assert.Equal(["aws.states"], pattern["source"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["ABORTED", "TIMED_OUT"], pattern["detail"]!["status"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal([machine], pattern["detail"]!["stateMachineArn"]!.AsArray().Select(v => v!.GetValue<string>()));
        var target = Assert.Single((await Cloud.Aws.JsonAsync("events", "AWSEvents", "ListTargetsByRule", new { Rule = "RecoverStoppedDeploymentRule" }))!["Targets"]!.AsArray())!;
        Assert.Equal(machine, target["Arn"]!.GetValue<string>());
        Assert.Equal("arn:aws:iam::123456789012:role/RecoverStoppedDeploymentRuleRole", target["RoleArn"]!.GetValue<string>());
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
