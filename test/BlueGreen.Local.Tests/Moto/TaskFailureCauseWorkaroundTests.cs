using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>task-failure-cause: SendTaskFailure dropped `cause`, so a rejection lost its reason.</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class TaskFailureCauseWorkaroundTests(MotoPool pool)
{
    [Fact]
    public async Task SendTaskFailure_WithWorkaround_KeepsCause()
    {
        var sfn = await pool.WithAllAsync();

        var ended = await RejectWaitingTaskAsync(sfn);

        Assert.Equal("FAILED", ended["status"]!.GetValue<string>());
        Assert.Equal("ApprovalRejected", ended["error"]!.GetValue<string>());
        Assert.Equal("not today", ended["cause"]?.GetValue<string>());
    }

    [Fact]
    public async Task SendTaskFailure_WithoutWorkaround_DropsCause()
    {
        var sfn = await pool.WithoutAsync("task-failure-cause");

        var ended = await RejectWaitingTaskAsync(sfn);

        Assert.Equal("FAILED", ended["status"]!.GetValue<string>());
        Assert.Equal("ApprovalRejected", ended["error"]!.GetValue<string>());
        Assert.Null(ended["cause"]);
    }

    /// <summary>Rejects a task waiting for its token, with a cause.</summary>
    private static async Task<JsonNode> RejectWaitingTaskAsync(StepFunctionsDriver sfn)
    {
        var (execution, token) = await sfn.StartWaitingForTokenAsync();

        (await sfn.CallAsync("SendTaskFailure", new JsonObject
        {
            ["taskToken"] = token,
            ["error"] = "ApprovalRejected",
            ["cause"] = "not today",
        })).Ok();

        return await sfn.WaitForEndAsync(execution, TimeSpan.FromSeconds(10));
    }
}
