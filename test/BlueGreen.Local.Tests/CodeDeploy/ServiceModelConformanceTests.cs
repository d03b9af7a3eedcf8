using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.CodeDeploy;

/// <summary>Every response the emulator writes parses against botocore's CodeDeploy model (names, types, enums).</summary>
public sealed class ServiceModelConformanceTests
{
    private readonly EmulatorHarness _cloud = new();

    [Fact]
    public async Task Responses_EveryOwnedOperation_MatchBotocoreModel()
    {
        var succeeded = await _cloud.CreateAsync();
        _cloud.Time.Advance(TimeSpan.FromMinutes(1));
        var request = new JsonObject
        {
            ["applicationName"] = EmulatorHarness.App,
            ["deploymentGroupName"] = EmulatorHarness.Group,
            ["revision"] = EmulatorHarness.Revision(),
            ["description"] = "CVE fix",
            ["ignoreApplicationStopFailures"] = true,
            ["autoRollbackConfiguration"] = new JsonObject { ["enabled"] = true, ["events"] = new JsonArray("DEPLOYMENT_FAILURE") },
            ["fileExistsBehavior"] = "OVERWRITE",
        };
        var create = await _cloud.OkAsync("CreateDeployment", request);
        var stopped = create["deploymentId"]!.GetValue<string>();
        var stop = await _cloud.OkAsync("StopDeployment", new JsonObject { ["deploymentId"] = stopped, ["autoRollbackEnabled"] = true });
        _cloud.Faults.FailNext(EmulatorHarness.App, "empty", "TIMEOUT");
        var failed = await _cloud.CreateAsync("empty");
        _cloud.Time.Advance(TimeSpan.FromSeconds(2));

        var responses = new JsonObject
        {
            ["CreateDeployment"] = create.DeepClone(),
            ["StopDeployment"] = stop.DeepClone(),
            ["GetDeployment"] = await _cloud.OkAsync("GetDeployment", new JsonObject { ["deploymentId"] = stopped }),
            ["BatchGetDeployments"] = await _cloud.OkAsync("BatchGetDeployments", new JsonObject { ["deploymentIds"] = new JsonArray(succeeded, stopped, failed) }),
            ["ListDeploymentInstances"] = await _cloud.OkAsync("ListDeploymentInstances", new JsonObject { ["deploymentId"] = succeeded }),
            ["ListDeployments"] = await _cloud.OkAsync("ListDeployments", new JsonObject()),
        };

        var problems = await BotocoreShapeCheck.RunAsync("codedeploy", responses);

        Assert.Equal("[]", problems);
        Assert.Equal(3, responses["BatchGetDeployments"]!["deploymentsInfo"]!.AsArray().Count);
    }
}
