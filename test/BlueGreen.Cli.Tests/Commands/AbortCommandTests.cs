using Amazon.DynamoDBv2.Model;
using BlueGreen.Aws;
using BlueGreen.Local;
using BlueGreen.Local.Sample;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary>
/// `bluegreen abort` as the README shows it: a separate process, given only the standard AWS
/// settings of a local cloud (which emits status changes and runs the template's rule), stopping a
/// real deployment and waiting for its cleanup.
/// </summary>
[Collection(OperatorCloud.Collection)]
public sealed class AbortCommandTests(OperatorCloud fixture)
{
    private readonly LocalCloud _cloud = fixture.Cloud;
    private readonly AwsClients _aws = fixture.Aws;

    [Fact]
    public async Task Abort_WaitingDeploymentWithReason_RolledBackGreenGoneLockFreeExitZero()
    {
        var (sample, name, arn) = await StartAwaitingApprovalAsync();

        var (exit, output, error) = await CliAsync("abort", name, "--reason", "wrong AMI");

        Assert.True(exit == 0, error + output);
        Assert.Contains($"Stopped {arn}", output);
        Assert.Contains($"traffic is back on blue ({sample.BlueGroup}), green is removed, the lock is free", output);
        var stopped = await _aws.StepFunctions.DescribeExecutionAsync(arn);
        Assert.Equal(("DeploymentAborted", "wrong AMI"), (stopped.Error, stopped.Cause));
        var green = await _aws.AutoScaling.DescribeAutoScalingGroupsByTagsAsync(
            new Dictionary<string, string> { ["bluegreen:application"] = sample.Application, ["bluegreen:color"] = "green" });
        Assert.DoesNotContain(green, g => g.Status is null);
        var item = await _aws.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = Assert.Single(_cloud.Stack.TableNames),
            Key = new() { ["application"] = new AttributeValue { S = sample.Application } },
            ConsistentRead = true,
        });
        Assert.True(item.Item is null || item.Item.Count == 0, "the lock is still held");
    }

    [Fact]
    public async Task Abort_ExecutionThatSucceeded_ExitsTwoNothingToCleanUp()
    {
        var sample = await SeedAsync();
        var arn = await _cloud.StartExecutionAsync(_cloud.StateMachineArn("BlueGreenDeployment"),
            $$"""{ "application": "{{sample.Application}}", "imageId": "{{sample.NewImageId}}", "dryRun": true }""");
        Assert.Equal("SUCCEEDED", (await _cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(1))).Status);

        var (exit, _, error) = await CliAsync("abort", arn);

        Assert.Equal(2, exit);
        Assert.StartsWith("NotStopped:", error);
    }

    [Fact]
    public async Task Abort_UnknownExecutionOutputJson_ExitsTwoWithTheRefusalAsOutcome()
    {
        var (exit, output, error) = await CliAsync("abort", "no-such-execution", "--output", "json");

        Assert.True(exit == 2, error + output);
        var document = System.Text.Json.Nodes.JsonNode.Parse(output)!.AsObject();
        Assert.Equal(["executionArn", "cleanupExecutionArn", "outcome", "rolledBack", "liveGroup", "message"], document.Select(p => p.Key));
        Assert.Equal("ExecutionNotFound", document["outcome"]!.GetValue<string>());
        Assert.StartsWith("ExecutionNotFound:", document["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Abort_UnknownExecution_ExitsTwoNamingExecutionNotFound()
    {
        var (exit, _, error) = await CliAsync("abort", "no-such-execution");

        Assert.Equal(2, exit);
        Assert.StartsWith("ExecutionNotFound:", error);
    }

    private Task<SampleApplication> SeedAsync() => fixture.SeedAsync(Approvals.Settings);

    private Task<(SampleApplication Sample, string Name, string Arn)> StartAwaitingApprovalAsync() => Approvals.StartAwaitingApprovalAsync(fixture);

    private Task<(int Exit, string Output, string Error)> CliAsync(params string[] args) => CliProcess.RunAsync(_cloud, args);
}
