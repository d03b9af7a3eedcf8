using System.Text.Json.Nodes;
using BlueGreen.Local.Tests.Support;

namespace BlueGreen.Local.Tests.Gateway;

[Collection(LocalCloudCollection.Name)]
public sealed class ForwardingTests(LocalCloudFixture fixture)
{
    private LocalCloud Cloud => fixture.Cloud;

    [Fact]
    public async Task AwsCli_DescribeAutoScalingGroups_ForwardedToMotoAndCounted()
    {
        var before = Cloud.Calls.Count("autoscaling", "DescribeAutoScalingGroups");

        var result = await AwsCli.RunAsync(Cloud.Endpoint, "autoscaling", "describe-auto-scaling-groups");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.NotNull(JsonNode.Parse(result.Output)!["AutoScalingGroups"]);
        Assert.Equal(before + 1, Cloud.Calls.Count("autoscaling", "DescribeAutoScalingGroups"));
    }

    [Fact]
    public async Task AwsCli_ListStateMachines_ShowsTheDeployedStateMachine()
    {
        var result = await AwsCli.RunAsync(Cloud.Endpoint, "stepfunctions", "list-state-machines");

        Assert.True(result.ExitCode == 0, result.Error);
        var names = JsonNode.Parse(result.Output)!["stateMachines"]!.AsArray().Select(m => m!["name"]!.GetValue<string>());
        Assert.Contains("FixtureWorkflow", names);
        Assert.True(Cloud.Calls.Count("states", "ListStateMachines") >= 1);
    }

    [Fact]
    public async Task AwsCli_DynamoDbDescribeTable_SeesTheTemplateTable()
    {
        var result = await AwsCli.RunAsync(Cloud.Endpoint, "dynamodb", "describe-table", "--table-name", "bluegreen-test-locks");

        Assert.True(result.ExitCode == 0, result.Error);
        var table = JsonNode.Parse(result.Output)!["Table"]!;
        Assert.Equal("application", table["KeySchema"]![0]!["AttributeName"]!.GetValue<string>());
        Assert.Equal("PAY_PER_REQUEST", table["BillingModeSummary"]?["BillingMode"]?.GetValue<string>());
    }

    [Fact]
    public async Task MotoError_ForwardedUnchanged_StatusAndCodeKept()
    {
        var failure = await Assert.ThrowsAsync<RawAwsCallFailed>(() =>
            Cloud.Raw.JsonAsync("states", "AWSStepFunctions", "DescribeStateMachine",
                new { stateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:Nope" }));

        Assert.Equal(400, failure.Status);
        Assert.Contains("StateMachineDoesNotExist", failure.Body);
    }
}
