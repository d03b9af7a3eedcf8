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
    public void States_All_HaveNamesThatReadAsWords()
    {
        Assert.All(_definition.States(), s => Assert.Matches("^[A-Z][A-Za-z]+$", s.Name));
    }

    private IEnumerable<(string Name, JsonObject State)> LambdaTasks() =>
        _definition.States()
            .Where(s => s.State["Type"]?.GetValue<string>() == "Task"
                && s.State["Resource"]?.GetValue<string>() is { } resource
                && (resource.EndsWith("FunctionArn}", StringComparison.Ordinal) || resource.StartsWith("arn:aws:states:::lambda:", StringComparison.Ordinal)))
            .Select(s => (s.Name, s.State));
}
