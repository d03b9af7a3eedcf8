namespace BlueGreen.Cli.Tests.Commands;

/// <summary>`bluegreen demo`, the README's first command, in every scenario: each must end as expected (exit 0).</summary>
public sealed class DemoTests
{
    [Theory]
    [InlineData("happy", "Outcome: Succeeded")]
    [InlineData("unhealthy-green", "Outcome: Failed with GreenUnhealthy")]
    [InlineData("codedeploy-fails", "Outcome: Failed with CodeDeployFailed")]
    [InlineData("alarm", "traffic back on blue")]
    [InlineData("locked", "Outcome: Failed with DeploymentLocked")]
    [InlineData("bad-input", "Outcome: Failed with InvalidRequest")]
    [InlineData("happy --strategy weighted --traffic canary", "shop-web 90 / shop-web-spare 10")]
    [InlineData("happy --strategy dns --traffic linear", "a 50 / b 50")]
    [InlineData("happy --strategy in-group --instances 3", "Outcome: Succeeded")]
    [InlineData("alarm --strategy weighted --traffic canary", "RollBack       shop-web 100 / shop-web-spare 0")]
    public async Task Demo_Scenario_EndsAsExpectedAndSaysWhatHappened(string scenario, string outcome)
    {
        var (exit, output, error) = await CliProcess.RunOfflineAsync(RepositoryRootFinder.Find(), TimeSpan.FromMinutes(4), ("demo --scenario " + scenario).Split(' '));

        Assert.True(exit == 0, $"{output}\n{error}");
        Assert.Contains(outcome, output);
        Assert.Contains($"As expected for scenario {scenario.Split(' ')[0]}.", output);
        Assert.Matches(@"AWS calls: \d+ \(\d+ mutating, \d+ read-only, \d+ announcements\); state transitions: \d+; wall time", output);
    }
}
