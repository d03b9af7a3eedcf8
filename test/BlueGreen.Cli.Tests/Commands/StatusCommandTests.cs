using System.Text.Json.Nodes;
using BlueGreen.Local;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary>`bluegreen status` as a user runs it: a separate process given only the standard AWS
/// settings of a local cloud, reading applications after and during real deployments.</summary>
[Collection(OperatorCloud.Collection)]
public sealed class StatusCommandTests(OperatorCloud fixture)
{
    private readonly LocalCloud _cloud = fixture.Cloud;

    [Fact]
    public async Task Status_AfterPromotedWeightedDeployment_NewGroupLiveOnNewImageAllTrafficOnGreenSideLastPromoted()
    {
        var sample = await InspectionRuns.SeedWeightedAsync(fixture);
        var run = await _cloud.RunExecutionAsync(InspectionRuns.StateMachine, InspectionRuns.Input(sample, sample.NewImageId), TimeSpan.FromMinutes(3));
        Assert.True(run.Status == "SUCCEEDED", $"{run.Status} {run.Error} {run.Cause}");
        var promotedGroup = JsonNode.Parse(run.Output!)!["liveGroup"]!.GetValue<string>();

        var (exit, output, error) = await CliAsync("status", sample.Application, "--output", "json");

        Assert.True(exit == 0, error);
        var app = Assert.Single(JsonNode.Parse(output)!["applications"]!.AsArray())!;
        AssertKeys(app, "application", "settingsParameter", "strategy", "live", "traffic", "problem", "deployment", "lastOutcome");
        AssertKeys(app["live"]!, "group", "adopted", "imageId", "launchTemplate", "launchConfiguration", "desired", "min", "max", "inService");
        AssertKeys(app["traffic"]!, "path", "livePercent", "sides");
        AssertKeys(app["traffic"]!["sides"]![0]!, "target", "group", "live", "weight", "percent");
        AssertKeys(app["lastOutcome"]!, "executionArn", "executionName", "application", "status", "startedAt", "stoppedAt", "durationSeconds", "imageId", "strategy", "outcome", "error", "message", "liveGroup");
        Assert.Equal(("weighted", promotedGroup, sample.NewImageId, false), (Text(app["strategy"]), Text(app["live"]!["group"]), Text(app["live"]!["imageId"]), app["live"]!["adopted"]!.GetValue<bool>()));
        Assert.Equal(2, app["live"]!["inService"]!.GetValue<int>());
        Assert.Equal(100, app["traffic"]!["livePercent"]!.GetValue<int>());
        var live = app["traffic"]!["sides"]!.AsArray().Single(s => s!["live"]!.GetValue<bool>())!;
        Assert.Equal((sample.SpareTargetGroupArn, promotedGroup, 100), (Text(live["target"]), Text(live["group"]), live["weight"]!.GetValue<int>()));
        Assert.Null(app["problem"]);
        Assert.Null(app["deployment"]);
        Assert.Equal(("Promoted", run.ExecutionArn, sample.NewImageId), (Text(app["lastOutcome"]!["outcome"]), Text(app["lastOutcome"]!["executionArn"]), Text(app["lastOutcome"]!["imageId"])));
    }

    [Fact]
    public async Task Status_DeploymentWaitingForApproval_InFlightInAwaitApprovalBlueStillLive()
    {
        var sample = await InspectionRuns.SeedSwapAsync(fixture, approval: true);
        var arn = await InspectionRuns.StartAwaitingApprovalAsync(fixture, sample, sample.NewImageId);

        var (exit, output, error) = await CliAsync("status", sample.Application, "--output", "json");
        var (textExit, text, _) = await CliAsync("status", sample.Application);

        Assert.True(exit == 0, error);
        var app = Assert.Single(JsonNode.Parse(output)!["applications"]!.AsArray())!;
        var deployment = app["deployment"]!;
        AssertKeys(deployment, "executionArn", "deploymentId", "imageId", "since", "status", "state", "stateSince", "cleanupBy");
        Assert.Equal((arn, "RUNNING", "AwaitApproval", sample.NewImageId), (Text(deployment["executionArn"]), Text(deployment["status"]), Text(deployment["state"]), Text(deployment["imageId"])));
        Assert.Equal((sample.BlueGroup, sample.OldImageId), (Text(app["live"]!["group"]), Text(app["live"]!["imageId"])));
        Assert.Equal(100, app["traffic"]!["livePercent"]!.GetValue<int>());
        Assert.Null(app["lastOutcome"]);
        Assert.Equal(0, textExit);
        Assert.Contains($"{arn} RUNNING in AwaitApproval since", text);
        Assert.Contains($"live        {sample.BlueGroup}", text);

        await InspectionRuns.Desk(fixture).RejectAsync(arn, InspectionRuns.StateMachine, "test over");
    }

    [Fact]
    public async Task Status_NoApplicationNamed_ListsEverySeededApplication()
    {
        var sample = await InspectionRuns.SeedSwapAsync(fixture, approval: false);

        var (exit, output, error) = await CliAsync("status", "--output", "json");

        Assert.True(exit == 0, error);
        var document = JsonNode.Parse(output)!;
        AssertKeys(document, "stack", "applications", "executionsScanned");
        var app = document["applications"]!.AsArray().Single(a => Text(a!["application"]) == sample.Application)!;
        Assert.Equal((sample.BlueGroup, true, "swap"), (Text(app["live"]!["group"]), app["live"]!["adopted"]!.GetValue<bool>(), Text(app["strategy"])));
    }

    [Fact]
    public async Task Status_SettingsBrokenAfterAPromotion_StillNamesTheLiveGroupBesideTheProblem()
    {
        var sample = await InspectionRuns.SeedSwapAsync(fixture, approval: false);
        var run = await _cloud.RunExecutionAsync(InspectionRuns.StateMachine, InspectionRuns.Input(sample, sample.NewImageId), TimeSpan.FromMinutes(3));
        Assert.True(run.Status == "SUCCEEDED", $"{run.Status} {run.Error} {run.Cause}");
        await fixture.Aws.Parameters.PutParameterAsync(sample.SettingsParameter, """{ "strategy": "sideways" }""");

        var (exit, output, error) = await CliAsync("status", sample.Application, "--output", "json");

        Assert.True(exit == 0, error);
        var app = Assert.Single(JsonNode.Parse(output)!["applications"]!.AsArray())!;
        Assert.Equal("InvalidRequest", Text(app["problem"]!["error"]));
        Assert.Equal((JsonNode.Parse(run.Output!)!["liveGroup"]!.GetValue<string>(), sample.NewImageId), (Text(app["live"]!["group"]), Text(app["live"]!["imageId"])));
        Assert.Null(app["traffic"]);
    }

    [Fact]
    public async Task Status_UnknownApplication_ExitsTwoApplicationNotFoundOneLine()
    {
        var (exit, output, error) = await CliAsync("status", "no-such-app");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("ApplicationNotFound: No application no-such-app", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    internal static void AssertKeys(JsonNode node, params string[] keys) =>
        Assert.Equal(keys.Order(StringComparer.Ordinal), node.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));

    internal static string? Text(JsonNode? node) => node?.GetValue<string>();

    private Task<(int Exit, string Output, string Error)> CliAsync(params string[] args) => CliProcess.RunAsync(_cloud, args);
}
