using System.Text.Json.Nodes;
using BlueGreen.Local;
using static BlueGreen.Cli.Tests.Commands.StatusCommandTests;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary>`bluegreen history` as a user runs it, over real deployments of one application:
/// promoted, rolled back (rejected at approval) and a dry run.</summary>
[Collection(OperatorCloud.Collection)]
public sealed class HistoryCommandTests(OperatorCloud fixture)
{
    private readonly LocalCloud _cloud = fixture.Cloud;

    [Fact]
    public async Task History_PromotedRolledBackAndDryRun_NewestFirstWithOutcomesAndLimit()
    {
        var sample = await InspectionRuns.SeedSwapAsync(fixture, approval: true);
        var desk = InspectionRuns.Desk(fixture);
        var promoted = await InspectionRuns.StartAwaitingApprovalAsync(fixture, sample, sample.NewImageId);
        await desk.ApproveAsync(promoted, InspectionRuns.StateMachine, null);
        Assert.Equal("SUCCEEDED", (await InspectionRuns.EndAsync(fixture, promoted)).Status);
        var rejected = await InspectionRuns.StartAwaitingApprovalAsync(fixture, sample, sample.OldImageId);
        await desk.RejectAsync(rejected, InspectionRuns.StateMachine, "freeze");
        Assert.Equal("FAILED", (await InspectionRuns.EndAsync(fixture, rejected)).Status);
        var dryRun = await _cloud.RunExecutionAsync(InspectionRuns.StateMachine, InspectionRuns.Input(sample, sample.NewImageId, dryRun: true), TimeSpan.FromMinutes(1));
        Assert.Equal("SUCCEEDED", dryRun.Status);

        var (exit, output, error) = await CliAsync("history", sample.Application, "--output", "json");
        var (limitedExit, limited, _) = await CliAsync("history", sample.Application, "--limit", "2", "--output", "json");
        var (textExit, text, _) = await CliAsync("history", sample.Application);

        Assert.True(exit == 0, error);
        var document = JsonNode.Parse(output)!;
        AssertKeys(document, "stack", "application", "limit", "deployments", "executionsScanned", "complete");
        var deployments = document["deployments"]!.AsArray();
        Assert.Equal(
            [(dryRun.ExecutionArn, "DryRun", null), (rejected, "RolledBack", "ApprovalRejected"), (promoted, "Promoted", null)],
            deployments.Select(d => (Text(d!["executionArn"]), Text(d["outcome"]), Text(d["error"]))).ToList());
        Assert.Equal([sample.NewImageId, sample.OldImageId, sample.NewImageId], deployments.Select(d => Text(d!["imageId"])).ToList());
        Assert.True(deployments[2]!["durationSeconds"]!.GetValue<double>() > 0);
        Assert.Equal("swap", Text(deployments[2]!["strategy"]));
        Assert.Equal(0, limitedExit);
        Assert.Equal([dryRun.ExecutionArn, rejected], JsonNode.Parse(limited)!["deployments"]!.AsArray().Select(d => Text(d!["executionArn"])).ToList());
        Assert.Equal(0, textExit);
        var lines = text.TrimEnd().Split('\n');
        Assert.StartsWith("STARTED", lines[0]);
        Assert.Equal(lines[0].IndexOf("OUTCOME", StringComparison.Ordinal), lines[2].IndexOf("RolledBack", StringComparison.Ordinal));
        Assert.Contains("ApprovalRejected", lines[2]);
        Assert.Contains("Promoted", lines[3]);
    }

    [Fact]
    public async Task HistoryAndStatus_DeploymentStoppedMidway_StoppedThenCleanedUpAndBlueLive()
    {
        var sample = await InspectionRuns.SeedSwapAsync(fixture, approval: true);
        var stopped = await InspectionRuns.StartAwaitingApprovalAsync(fixture, sample, sample.NewImageId);
        var machine = _cloud.StateMachineArn(InspectionRuns.StateMachine);
        await fixture.Aws.StepFunctions.StopExecutionAsync(stopped, "DeploymentAborted", "wrong AMI");
        await WaitForCleanupAsync(sample.Application, machine, stopped);

        var (exit, output, error) = await CliAsync("history", sample.Application, "--output", "json");
        var (statusExit, status, statusError) = await CliAsync("status", sample.Application, "--output", "json");

        Assert.True(exit == 0, error);
        var deployments = JsonNode.Parse(output)!["deployments"]!.AsArray();
        Assert.Equal(["CleanedUp", "Stopped"], deployments.Select(d => Text(d!["outcome"])).ToList());
        Assert.Equal((stopped, "DeploymentAborted"), (Text(deployments[1]!["executionArn"]), Text(deployments[1]!["error"])));
        Assert.Equal(sample.NewImageId, Text(deployments[0]!["imageId"]));
        Assert.True(statusExit == 0, statusError);
        var app = Assert.Single(JsonNode.Parse(status)!["applications"]!.AsArray())!;
        Assert.Equal((sample.BlueGroup, sample.OldImageId, 100), (Text(app["live"]!["group"]), Text(app["live"]!["imageId"]), app["traffic"]!["livePercent"]!.GetValue<int>()));
        Assert.Null(app["deployment"]);
        Assert.Equal("CleanedUp", Text(app["lastOutcome"]!["outcome"]));
    }

    [Fact]
    public async Task History_ImageEventDeploymentRejected_AttributedThroughTheAmiTag()
    {
        var sample = await InspectionRuns.SeedSwapAsync(fixture, approval: true);
        var amiEvent = $$"""
            { "version": "0", "id": "{{Guid.NewGuid()}}", "detail-type": "EC2 AMI State Change", "source": "aws.ec2",
              "account": "123456789012", "time": "2026-11-27T10:00:00Z", "region": "{{_cloud.Options.Region}}",
              "resources": ["arn:aws:ec2:{{_cloud.Options.Region}}::image/{{sample.NewImageId}}"],
              "detail": { "RequestId": "{{Guid.NewGuid()}}", "ImageId": "{{sample.NewImageId}}", "State": "available", "ErrorMessage": "" } }
            """;
        var arn = await _cloud.StartExecutionAsync(_cloud.StateMachineArn(InspectionRuns.StateMachine), amiEvent, "ami-" + Guid.NewGuid().ToString("N")[..12]);
        var tokens = new Functions.Locking.ApprovalTokens(fixture.Aws.DynamoDb, Assert.Single(_cloud.Stack.TableNames));
        using (var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            while (await tokens.FindAsync(arn, deadline.Token) is null)
            {
                await Task.Delay(100, deadline.Token);
            }
        }

        await InspectionRuns.Desk(fixture).RejectAsync(arn, InspectionRuns.StateMachine, "not this one");
        Assert.Equal("FAILED", (await InspectionRuns.EndAsync(fixture, arn)).Status);

        var (exit, output, error) = await CliAsync("history", sample.Application, "--output", "json");

        Assert.True(exit == 0, error);
        var deployment = Assert.Single(JsonNode.Parse(output)!["deployments"]!.AsArray())!;
        Assert.Equal((arn, sample.Application, sample.NewImageId, "RolledBack", "ApprovalRejected"),
            (Text(deployment["executionArn"]), Text(deployment["application"]), Text(deployment["imageId"]), Text(deployment["outcome"]), Text(deployment["error"])));
    }

    /// <summary>Until the template's rule has run the cleanup of <paramref name="stopped"/>: the
    /// lock is free and no execution started after it is still running.</summary>
    private async Task WaitForCleanupAsync(string application, string machine, string stopped)
    {
        var table = Assert.Single(_cloud.Stack.TableNames);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var page = await fixture.Aws.StepFunctions.ListExecutionsPageAsync(machine, 20, null, deadline.Token);
            var ours = page.Executions.First(e => e.Arn == stopped);
            var later = page.Executions.Where(e => e.StartedAt > ours.StartedAt).ToList();
            if (later.Count > 0 && later.All(e => e.Status != Aws.StepFunctions.ExecutionStatus.Running)
                && await Functions.Locking.LockHolder.ReadAsync(fixture.Aws.DynamoDb, table, application, deadline.Token) is null)
            {
                return;
            }

            await Task.Delay(200, deadline.Token);
        }
    }

    [Fact]
    public async Task History_UnknownApplication_ExitsTwoApplicationNotFound()
    {
        var (exit, _, error) = await CliAsync("history", "no-such-app");

        Assert.Equal(2, exit);
        Assert.StartsWith("ApplicationNotFound:", error);
    }

    [Fact]
    public async Task History_LimitOutOfRange_ExitsTwoInvalidLimit()
    {
        var (exit, _, error) = await CliAsync("history", "any", "--limit", "0");

        Assert.Equal(2, exit);
        Assert.StartsWith("InvalidLimit:", error);
    }

    private Task<(int Exit, string Output, string Error)> CliAsync(params string[] args) => CliProcess.RunAsync(_cloud, args);
}
