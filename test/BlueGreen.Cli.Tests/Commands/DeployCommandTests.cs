using System.Text.Json.Nodes;
using BlueGreen.Aws;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Local;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary>
/// `bluegreen deploy` as docs/cli.md shows it: a separate process with the standard AWS settings of
/// the local cloud, starting a real deployment of a sample application and watching it to the end.
/// </summary>
[Collection(OperatorCloud.Collection)]
public sealed class DeployCommandTests(OperatorCloud fixture)
{
    private readonly LocalCloud _cloud = fixture.Cloud;
    private readonly AwsClients _aws = fixture.Aws;

    [Fact]
    public async Task Deploy_HealthyGreen_PromotedExitZeroEndingInWords()
    {
        var sample = await fixture.SeedAsync();

        var (exit, output, error) = await CliProcess.RunAsync(_cloud, "deploy", sample.Application, "--image", sample.NewImageId, "--reason", "cli test");

        Assert.True(exit == 0, error + output);
        Assert.Contains($"Started {sample.Application}-{sample.NewImageId[4..]}-", output);
        Assert.Contains("→ ProvisionGreen", output);
        Assert.Contains("traffic: green 100% / blue 0%", output);
        Assert.Matches(@"green app-\w+-\w+: 2/2 in service", output);
        var ending = output.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("✓ Promoted after ", ending);
        Assert.Contains($"{sample.NewImageId} is live on ", ending);
        Assert.EndsWith($"blue {sample.BlueGroup} is retired.", ending);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task Deploy_OutputJson_OneDocumentOnStdoutProgressOnStderr()
    {
        var sample = await fixture.SeedAsync();

        var (exit, output, error) = await CliProcess.RunAsync(_cloud, "deploy", sample.Application, "--image", sample.NewImageId, "--output", "json");

        Assert.True(exit == 0, error + output);
        var document = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(
            ["executionArn", "executionName", "application", "imageId", "status", "outcome", "error", "cause", "rolledBack", "liveGroup", "startedAt", "stoppedAt", "durationSeconds", "output"],
            document.Select(p => p.Key));
        Assert.StartsWith("arn:aws:states:", document["executionArn"]!.GetValue<string>());
        Assert.Equal((sample.Application, sample.NewImageId, "SUCCEEDED", "Promoted"), (document["application"]!.GetValue<string>(), document["imageId"]!.GetValue<string>(), document["status"]!.GetValue<string>(), document["outcome"]!.GetValue<string>()));
        Assert.Null(document["error"]);
        Assert.NotEqual(sample.BlueGroup, document["liveGroup"]!.GetValue<string>());
        Assert.Equal(sample.BlueGroup, document["output"]!["retiredGroup"]!.GetValue<string>());
        Assert.Contains("→ ShiftTraffic", error);
    }

    [Fact]
    public async Task Deploy_AlarmInAlarmDuringHealthCheck_RolledBackExitOneBlueLive()
    {
        var application = OperatorCloud.NewApplication();
        var alarm = $"{application}-5xx";
        var sample = await fixture.SeedAsync($$""" "health": { "alarmNames": ["{{alarm}}"], "timeoutSeconds": 60 }, """, application);
        await sample.AddAlarmAsync(_aws.CloudWatch, alarm);
        await _aws.CloudWatch.SetAlarmStateAsync(alarm, AlarmState.Alarm, "5xx from the new build (test)");

        var (exit, output, error) = await CliProcess.RunAsync(_cloud, "deploy", sample.Application, "--image", sample.NewImageId);

        Assert.True(exit == 1, error + output);
        Assert.Contains("✗ Rolled back after ", output);
        Assert.Contains("(AlarmFired)", output);
        Assert.Contains($"Blue is live: {sample.BlueGroup}; green is removed and the lock is free.", output);
    }

    [Fact]
    public async Task Deploy_ImageOfAnotherApplication_RefusedExitTwoNothingChanged()
    {
        var sample = await fixture.SeedAsync();

        var (exit, output, error) = await CliProcess.RunAsync(_cloud, "deploy", "no-such-app", "--image", sample.NewImageId);

        Assert.True(exit == 2, error + output);
        var ending = output.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("✗ Refused (ImageNotAllowed): ", ending);
        Assert.EndsWith("Nothing was changed.", ending);
    }

    [Fact]
    public async Task Deploy_WhileAnotherDeploymentHoldsTheLock_RefusedDeploymentLockedExitTwo()
    {
        var (sample, _, holder) = await StartAwaitingApprovalAsync();

        var (exit, output, error) = await CliProcess.RunAsync(_cloud, "deploy", sample.Application, "--image", sample.NewImageId, "--output", "json");

        Assert.True(exit == 2, error + output);
        var document = JsonNode.Parse(output)!;
        Assert.Equal(("FAILED", "Refused", "DeploymentLocked"), (document["status"]!.GetValue<string>(), document["outcome"]!.GetValue<string>(), document["error"]!.GetValue<string>()));
        Assert.Contains(holder, document["cause"]!.GetValue<string>());
        await _cloud.Raw.JsonAsync("states", "AWSStepFunctions", "StopExecution", new { executionArn = holder });
    }

    [Fact]
    public async Task Deploy_NotAnAmiId_ExitTwoOneLineNothingStarted()
    {
        var before = _cloud.Calls.Count("states", "StartExecution");

        var (exit, output, error) = await CliProcess.RunAsync(_cloud, "deploy", "shop", "--image", "ami-12");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("InvalidUsage: --image \"ami-12\" is not an AMI id", Assert.Single(error.TrimEnd().Split('\n')));
        Assert.Equal(before, _cloud.Calls.Count("states", "StartExecution"));
    }

    [Fact]
    public async Task Deploy_NoWait_PrintsTheExecutionAndHowToFollowIt()
    {
        var sample = await fixture.SeedAsync();

        var (exit, output, error) = await CliProcess.RunAsync(_cloud, "deploy", sample.Application, "--image", sample.NewImageId, "--dry-run", "--no-wait");

        Assert.True(exit == 0, error + output);
        Assert.Matches($@"Follow it: bluegreen watch {sample.Application}-{sample.NewImageId[4..]}-\d{{8}}-\d{{6}}-dry-run", output);
    }

    internal async Task<(Local.Sample.SampleApplication Sample, string Name, string Arn)> StartAwaitingApprovalAsync() =>
        await Approvals.StartAwaitingApprovalAsync(fixture);
}
