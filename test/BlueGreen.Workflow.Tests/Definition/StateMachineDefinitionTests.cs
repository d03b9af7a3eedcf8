using System.Text.Json.Nodes;

namespace BlueGreen.Workflow.Tests.Definition;

/// <summary>Checks cfn-lint cannot make, because it does not open DefinitionUri files.</summary>
public sealed class StateMachineDefinitionTests
{
    private readonly StateMachineDefinition _definition = StateMachineDefinition.Load();

    [Fact]
    public void Transitions_EveryTarget_NamesAStateInTheSameScope()
    {
        var dangling = _definition.States()
            .SelectMany(s => StateMachineDefinition.Transitions(s.State)
                .Where(target => !s.Scope.ContainsKey(target))
                .Select(target => $"{s.Name} -> {target}"))
            .ToList();

        Assert.Empty(dangling);
    }

    [Fact]
    public void States_FromStartAt_AreAllReachable()
    {
        var states = _definition.Root["States"]!.AsObject();
        var reached = new HashSet<string>();
        var pending = new Stack<string>([_definition.Root["StartAt"]!.GetValue<string>()]);
        while (pending.TryPop(out var name))
        {
            if (reached.Add(name))
            {
                foreach (var next in StateMachineDefinition.Transitions(states[name]!.AsObject()))
                {
                    pending.Push(next);
                }
            }
        }

        Assert.Empty(states.Select(s => s.Key).Except(reached));
    }

    [Fact]
    public void LambdaTasks_All_CarryTheSameRetry()
    {
        var retries = LambdaTasks().Select(t => (t.Name, Retry: t.State["Retry"]?.ToJsonString() ?? "none")).ToList();

        Assert.NotEmpty(retries);
        Assert.All(retries, r => Assert.Equal(retries[0].Retry, r.Retry));
        Assert.Contains("\"Transient\"", retries[0].Retry);
        Assert.Contains("\"Lambda.TooManyRequestsException\"", retries[0].Retry);
    }

    [Fact]
    public void LambdaTasks_All_CatchEverythingLast()
    {
        Assert.All(LambdaTasks(), t =>
        {
            var catches = t.State["Catch"]?.AsArray() ?? [];
            Assert.True(catches.Count > 0, $"{t.Name} has no Catch");
            Assert.Equal("[\"States.ALL\"]", catches[^1]!["ErrorEquals"]!.ToJsonString());
        });
    }

    [Fact]
    public void TokenTasks_All_WaitAtMostTheApprovalTimeoutAndPassTheirToken()
    {
        var tokenTasks = TokenTasks().ToList();

        var task = Assert.Single(tokenTasks);
        Assert.Equal("AwaitApproval", task.Name);
        Assert.Equal("$.deployment.settings.approval.timeoutSeconds", task.State["TimeoutSecondsPath"]?.GetValue<string>());
        Assert.Equal("$$.Task.Token", task.State["Parameters"]?["Payload"]?["taskToken.$"]?.GetValue<string>());
        Assert.Null(task.State["HeartbeatSeconds"]);
    }

    [Fact]
    public void TokenTasks_Retry_NeverRepeatsATimeoutOrARejection()
    {
        Assert.All(TokenTasks(), t =>
        {
            var retried = (t.State["Retry"]?.AsArray() ?? []).SelectMany(r => r!["ErrorEquals"]!.AsArray().Select(e => e!.GetValue<string>())).ToList();
            Assert.DoesNotContain("States.ALL", retried);
            Assert.DoesNotContain("States.Timeout", retried);
            Assert.DoesNotContain("States.TaskFailed", retried);
            Assert.DoesNotContain("ApprovalRejected", retried);
        });
    }

    [Fact]
    public void AwaitApproval_Timeout_IsRecordedAsApprovalTimedOutAndRolledBack()
    {
        var states = _definition.Root["States"]!.AsObject();
        var catches = states["AwaitApproval"]!["Catch"]!.AsArray();

        var timeout = catches.Single(c => c!["ErrorEquals"]!.ToJsonString() == "[\"States.Timeout\"]")!;
        Assert.True(catches.IndexOf(timeout) < catches.Count - 1, "States.Timeout must be caught before States.ALL");
        var note = states[timeout["Next"]!.GetValue<string>()]!;
        Assert.Equal("Pass", note["Type"]!.GetValue<string>());
        Assert.Equal("$.failure", note["ResultPath"]!.GetValue<string>());
        Assert.Equal("ApprovalTimedOut", note["Parameters"]!["Error"]!.GetValue<string>());
        Assert.Contains("approval.timeoutSeconds", note["Parameters"]!["Cause.$"]!.GetValue<string>());
        Assert.Equal("RollBack", note["Next"]!.GetValue<string>());
    }

    [Fact]
    public void BlueRetirement_AfterPromotion_WaitsOnlyThroughTheAlarmWatchLoop()
    {
        var states = _definition.Root["States"]!.AsObject();

        Assert.Equal("WatchBeforeRetiringBlue", states["PromoteGreen"]!["Next"]!.GetValue<string>());
        Assert.Equal("IsBlueWindowOver", states["WatchBeforeRetiringBlue"]!["Next"]!.GetValue<string>());
        var choice = states["IsBlueWindowOver"]!;
        Assert.Equal("RetireBlue", choice["Choices"]![0]!["Next"]!.GetValue<string>());
        Assert.Equal("WaitBeforeRetiringBlue", choice["Default"]!.GetValue<string>());
        Assert.Equal("$.watch.waitSeconds", states["WaitBeforeRetiringBlue"]!["SecondsPath"]!.GetValue<string>());
        Assert.Equal("WatchBeforeRetiringBlue", states["WaitBeforeRetiringBlue"]!["Next"]!.GetValue<string>());
    }

    [Fact]
    public void States_All_HaveNamesThatReadAsWords()
    {
        Assert.All(_definition.States(), s => Assert.Matches("^[A-Z][A-Za-z]+$", s.Name));
    }

    private IEnumerable<(string Name, JsonObject State)> TokenTasks() =>
        _definition.States()
            .Where(s => s.State["Resource"]?.GetValue<string>() is { } resource && resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal))
            .Select(s => (s.Name, s.State));

    private IEnumerable<(string Name, JsonObject State)> LambdaTasks() =>
        _definition.States()
            .Where(s => s.State["Type"]?.GetValue<string>() == "Task"
                && s.State["Resource"]?.GetValue<string>() is { } resource
                && (resource.EndsWith("FunctionArn}", StringComparison.Ordinal) || resource.StartsWith("arn:aws:states:::lambda:", StringComparison.Ordinal)))
            .Select(s => (s.Name, s.State));
}
