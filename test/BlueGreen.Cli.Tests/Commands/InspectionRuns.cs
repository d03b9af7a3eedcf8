using BlueGreen.Aws;
using BlueGreen.Functions.Approval;
using BlueGreen.Functions.Locking;
using BlueGreen.Local;
using BlueGreen.Local.Sample;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary>Seeding and real deployments for the read-only commands' tests.</summary>
internal static class InspectionRuns
{
    public const string StateMachine = "BlueGreenDeployment";

    public static Task<SampleApplication> SeedSwapAsync(OperatorCloud fixture, bool approval) =>
        SampleApplication.SeedAsync(fixture.Aws, new SampleOptions
        {
            Application = "app-" + Guid.NewGuid().ToString("N")[..8],
            SettingsJson = (blue, targetGroup, _, _) => $$"""
                { "liveGroup": "{{blue}}", "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"],
                  "approval": { "required": {{(approval ? "true" : "false")}}, "timeoutSeconds": 3600 },
                  "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": 1 } }
                """,
        });

    public static Task<SampleApplication> SeedWeightedAsync(OperatorCloud fixture) =>
        SampleApplication.SeedAsync(fixture.Aws, new SampleOptions
        {
            Application = "app-" + Guid.NewGuid().ToString("N")[..8],
            SettingsJson = (blue, targetGroup, spare, listener) => $$"""
                { "liveGroup": "{{blue}}", "strategy": "weighted",
                  "weighted": { "listenerArn": "{{listener}}", "ruleArn": null, "targetGroupArns": ["{{targetGroup}}", "{{spare}}"] },
                  "traffic": { "type": "AllAtOnce" },
                  "health": { "minHealthyPercent": 100, "timeoutSeconds": 60, "alarmNames": [], "bakeSeconds": 0 },
                  "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": 1 } }
                """,
        });

    public static string Input(SampleApplication sample, string imageId, bool dryRun = false) =>
        $$"""{ "application": "{{sample.Application}}", "imageId": "{{imageId}}", "dryRun": {{(dryRun ? "true" : "false")}} }""";

    /// <summary>Starts a deployment and returns once it waits in AwaitApproval (its token stored).</summary>
    public static async Task<string> StartAwaitingApprovalAsync(OperatorCloud fixture, SampleApplication sample, string imageId)
    {
        var arn = await fixture.Cloud.StartExecutionAsync(fixture.Cloud.StateMachineArn(StateMachine), Input(sample, imageId), "cli-" + Guid.NewGuid().ToString("N")[..12]);
        var tokens = new ApprovalTokens(fixture.Aws.DynamoDb, Assert.Single(fixture.Cloud.Stack.TableNames));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await tokens.FindAsync(arn, deadline.Token) is null)
        {
            await Task.Delay(100, deadline.Token);
        }

        return arn;
    }

    public static ApprovalDesk Desk(OperatorCloud fixture) =>
        new(fixture.Aws.StepFunctions, new ApprovalTokens(fixture.Aws.DynamoDb, Assert.Single(fixture.Cloud.Stack.TableNames)), TimeProvider.System);

    public static async Task<ExecutionResult> EndAsync(OperatorCloud fixture, string arn)
    {
        var result = await fixture.Cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(3));
        return result;
    }
}
