using BlueGreen.Aws.StepFunctions;
using BlueGreen.Cli.Watching;

namespace BlueGreen.Cli.Tests.Watching;

/// <summary>How an ended execution is told in words and exit codes, from what Step Functions returns.</summary>
public sealed class DeploymentEndingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 7, 50, 51, TimeSpan.Zero);

    [Fact]
    public void From_CleanupExecutionThatRolledBack_ItsOwnOutcomeNotADryRun()
    {
        var execution = Succeeded("""{ "outcome": "CleanedUp", "rolledBack": true, "liveGroup": "shop-blue", "message": "Deployment x of shop was stopped." }""");

        var ending = DeploymentEnding.From(execution, []);

        Assert.Equal(("CleanedUp", 0, true, "shop-blue"), (ending.Outcome, ending.ExitCode, ending.RolledBack, ending.LiveGroup));
        Assert.Equal("✓ CleanedUp after 1.0s: Deployment x of shop was stopped.", Assert.Single(ending.Words(execution)));
    }

    [Fact]
    public void From_DryRunPlan_DryRun()
    {
        var execution = Succeeded("""{ "outcome": "DryRun", "summary": ["swap shop-blue for a green group"] }""");

        var ending = DeploymentEnding.From(execution, []);

        Assert.Equal((DeploymentEnding.DryRun, 0), (ending.Outcome, ending.ExitCode));
    }

    private static Execution Succeeded(string output) => new(
        "arn:aws:states:us-east-1:123456789012:execution:BlueGreenDeployment:x", "arn:aws:states:us-east-1:123456789012:stateMachine:BlueGreenDeployment", "x",
        ExecutionStatus.Succeeded, Start, Start.AddSeconds(1), "{}", output, null, null);
}
