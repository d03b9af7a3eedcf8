using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.CodeDeploy.Internal;

public sealed class StopDeploymentTests
{
    private readonly EmulatorHarness _cloud = new();

    [Fact]
    public async Task StopDeployment_InProgress_IsStoppedWithManualStop()
    {
        var id = await _cloud.CreateAsync();
        _cloud.Time.Advance(EmulatorHarness.StartDelay + TimeSpan.FromSeconds(1));
        var stoppedAt = _cloud.Time.GetUtcNow();

        var answer = await _cloud.OkAsync("StopDeployment", new JsonObject { ["deploymentId"] = id });
        _cloud.Time.Advance(TimeSpan.FromMinutes(10));
        var info = await _cloud.InfoAsync(id);

        Assert.Equal("Succeeded", answer["status"]!.GetValue<string>());
        Assert.Equal("Stopped", info["status"]!.GetValue<string>());
        Assert.Equal("MANUAL_STOP", info["errorInformation"]!["code"]!.GetValue<string>());
        Assert.Equal(stoppedAt.ToUnixTimeSeconds(), info["completeTime"]!.GetValue<double>());
        Assert.NotNull(info["startTime"]);
        Assert.Null(info["rollbackInfo"]);
    }

    [Fact]
    public async Task StopDeployment_BeforeStart_NeverStarts()
    {
        var id = await _cloud.CreateAsync();

        await _cloud.OkAsync("StopDeployment", new JsonObject { ["deploymentId"] = id });
        _cloud.Time.Advance(TimeSpan.FromMinutes(10));
        var info = await _cloud.InfoAsync(id);

        Assert.Equal("Stopped", info["status"]!.GetValue<string>());
        Assert.Null(info["startTime"]);
    }

    [Fact]
    public async Task StopDeployment_Succeeded_IsDeploymentAlreadyCompleted()
    {
        var id = await _cloud.CreateAsync();
        _cloud.Time.Advance(TimeSpan.FromMinutes(1));

        var error = await _cloud.ErrorAsync("StopDeployment", new JsonObject { ["deploymentId"] = id });

        Assert.Equal("DeploymentAlreadyCompletedException", error);
        Assert.Equal("Succeeded", await _cloud.StatusAsync(id));
    }

    [Fact]
    public async Task StopDeployment_StoppedTwice_IsDeploymentAlreadyCompleted()
    {
        var id = await _cloud.CreateAsync();
        await _cloud.OkAsync("StopDeployment", new JsonObject { ["deploymentId"] = id });

        var error = await _cloud.ErrorAsync("StopDeployment", new JsonObject { ["deploymentId"] = id });

        Assert.Equal("DeploymentAlreadyCompletedException", error);
    }

    [Fact]
    public async Task StopDeployment_UnknownId_IsDeploymentDoesNotExist()
    {
        var error = await _cloud.ErrorAsync("StopDeployment", new JsonObject { ["deploymentId"] = "d-NOSUCHONE" });

        Assert.Equal("DeploymentDoesNotExistException", error);
    }

    [Fact]
    public async Task StopDeployment_AutoRollbackAfterEarlierSuccess_StartsRollbackToItsRevision()
    {
        var good = await _cloud.CreateAsync();
        _cloud.Time.Advance(TimeSpan.FromMinutes(1));
        var bad = await _cloud.CreateAsync();

        await _cloud.OkAsync("StopDeployment", new JsonObject { ["deploymentId"] = bad, ["autoRollbackEnabled"] = true });
        var stopped = await _cloud.InfoAsync(bad);
        var rollbackId = stopped["rollbackInfo"]!["rollbackDeploymentId"]!.GetValue<string>();
        var rollback = await _cloud.InfoAsync(rollbackId);
        _cloud.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("Stopped", stopped["status"]!.GetValue<string>());
        Assert.Equal("codeDeployRollback", rollback["creator"]!.GetValue<string>());
        Assert.Equal(bad, rollback["rollbackInfo"]!["rollbackTriggeringDeploymentId"]!.GetValue<string>());
        Assert.Contains(good, stopped["rollbackInfo"]!["rollbackMessage"]!.GetValue<string>());
        Assert.Equal("Succeeded", await _cloud.StatusAsync(rollbackId));
    }

    [Fact]
    public async Task StopDeployment_AutoRollbackWithNothingToRollBackTo_SaysSo()
    {
        var id = await _cloud.CreateAsync();

        await _cloud.OkAsync("StopDeployment", new JsonObject { ["deploymentId"] = id, ["autoRollbackEnabled"] = true });
        var info = await _cloud.InfoAsync(id);

        Assert.Null(info["rollbackInfo"]!["rollbackDeploymentId"]);
        Assert.Contains("no earlier successful deployment", info["rollbackInfo"]!["rollbackMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateDeployment_AfterStop_IsAllowed()
    {
        var id = await _cloud.CreateAsync();
        await _cloud.OkAsync("StopDeployment", new JsonObject { ["deploymentId"] = id });

        var next = await _cloud.CreateAsync();

        Assert.NotEqual(id, next);
    }
}
