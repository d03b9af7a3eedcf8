using BlueGreen.Functions.Locking;
using BlueGreen.Local.Sample;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary>Deployments that stop in AwaitApproval, for the commands that answer, follow or abort them.</summary>
internal static class Approvals
{
    public const string Settings = """ "approval": { "required": true, "timeoutSeconds": 3600 }, """;

    /// <summary>A deployment with green made and the lock held, waiting for an approval that never comes unless given.</summary>
    public static async Task<(SampleApplication Sample, string Name, string Arn)> StartAwaitingApprovalAsync(OperatorCloud fixture)
    {
        var sample = await fixture.SeedAsync(Settings);
        var name = "cli-" + Guid.NewGuid().ToString("N")[..12];
        var arn = await fixture.Cloud.StartExecutionAsync(fixture.Cloud.StateMachineArn("BlueGreenDeployment"), $$"""{ "application": "{{sample.Application}}", "imageId": "{{sample.NewImageId}}" }""", name);
        var tokens = new ApprovalTokens(fixture.Aws.DynamoDb, Assert.Single(fixture.Cloud.Stack.TableNames));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await tokens.FindAsync(arn, deadline.Token) is null)
        {
            await Task.Delay(100, deadline.Token);
        }

        return (sample, name, arn);
    }
}
