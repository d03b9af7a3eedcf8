using BlueGreen.Local;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary>
/// `bluegreen approve` / `bluegreen reject` as the README shows them: a separate process, given only
/// the standard AWS settings of a local cloud, answering a real deployment waiting for approval.
/// </summary>
[Collection(OperatorCloud.Collection)]
public sealed class ApprovalCommandsTests(OperatorCloud fixture)
{
    private readonly LocalCloud _cloud = fixture.Cloud;

    [Fact]
    public async Task Approve_ExecutionNameWithComment_DeploymentPromoted()
    {
        var (name, arn) = await StartAwaitingApprovalAsync();

        var (exit, output, error) = await CliAsync("approve", name, "--comment", "checked the canary dashboards");

        Assert.True(exit == 0, error);
        Assert.Contains($"Approved {arn}", output);
        var result = await _cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(3));
        Assert.True(result.Status == "SUCCEEDED", $"{result.Status} {result.Error} {result.Cause}");
    }

    [Fact]
    public async Task Reject_ExecutionArnWithReason_FailsApprovalRejectedWithTheReason()
    {
        var (_, arn) = await StartAwaitingApprovalAsync();

        var (exit, output, error) = await CliAsync("reject", arn, "--reason", "freeze until Monday");

        Assert.True(exit == 0, error);
        Assert.Contains($"Rejected {arn}", output);
        var result = await _cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(3));
        Assert.Equal(("FAILED", "ApprovalRejected"), (result.Status, result.Error));
        Assert.Contains("freeze until Monday", result.Cause);
    }

    [Fact]
    public async Task Reject_OutputJsonWithStackAndOverrides_OneDocumentNamingTheAnswer()
    {
        var (_, arn) = await StartAwaitingApprovalAsync();

        var (exit, output, error) = await CliAsync("reject", arn, "--reason", "not today", "--stack", "bluegreen",
            "--lock-table", Assert.Single(_cloud.Stack.TableNames), "--output", "json");

        Assert.True(exit == 0, error);
        var document = System.Text.Json.Nodes.JsonNode.Parse(output)!;
        Assert.Equal((arn, "rejected", "not today"), (document["executionArn"]!.GetValue<string>(), document["answer"]!.GetValue<string>(), document["reason"]!.GetValue<string>()));
        var result = await _cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(3));
        Assert.Equal(("FAILED", "ApprovalRejected"), (result.Status, result.Error));
    }

    [Fact]
    public async Task Approve_UnknownExecution_ExitsTwoNamingExecutionNotFound()
    {
        var (exit, _, error) = await CliAsync("approve", "no-such-execution");

        Assert.Equal(2, exit);
        Assert.StartsWith("ExecutionNotFound:", error);
    }

    private async Task<(string Name, string Arn)> StartAwaitingApprovalAsync()
    {
        var (_, name, arn) = await Approvals.StartAwaitingApprovalAsync(fixture);
        return (name, arn);
    }

    private Task<(int Exit, string Output, string Error)> CliAsync(params string[] args) => CliProcess.RunAsync(_cloud, args);
}
