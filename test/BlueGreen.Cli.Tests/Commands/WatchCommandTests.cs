using BlueGreen.Local;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary>`bluegreen watch` following a deployment someone else started, through its approval.</summary>
[Collection(OperatorCloud.Collection)]
public sealed class WatchCommandTests(OperatorCloud fixture)
{
    private readonly LocalCloud _cloud = fixture.Cloud;

    [Fact]
    public async Task Watch_DeploymentAwaitingApproval_PrintsTheCommandsThenFollowsItToPromoted()
    {
        var (sample, name, arn) = await Approvals.StartAwaitingApprovalAsync(fixture);
        var watching = CliProcess.RunAsync(_cloud, "watch", name);

        var (approved, _, approveError) = await CliProcess.RunAsync(_cloud, "approve", name);
        var (exit, output, error) = await watching;

        Assert.True(approved == 0, approveError);
        Assert.True(exit == 0, error + output);
        Assert.Contains("→ AwaitApproval", output);
        Assert.Contains("waiting for approval", output);
        Assert.Contains($"bluegreen approve {arn} --comment \"looks good\"", output);
        Assert.Contains($"bluegreen reject {arn} --reason \"why\"", output);
        Assert.Matches(@"\d\d:\d\d:\d\d +[\d.ms]+  → ShiftTraffic", output);
        Assert.StartsWith("✓ Promoted after ", output.TrimEnd().Split('\n')[^1]);
        Assert.Contains(sample.NewImageId, output);
    }

    [Fact]
    public async Task Watch_UnknownExecution_ExitTwoNamingExecutionNotFound()
    {
        var (exit, _, error) = await CliProcess.RunAsync(_cloud, "watch", "no-such-execution");

        Assert.Equal(2, exit);
        Assert.StartsWith("ExecutionNotFound: No execution no-such-execution of stack bluegreen.", error);
    }
}
