using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace BlueGreen.Workflow.Tests.Definition;

/// <summary>Every IAM action the template grants is one AWS has: an operation of its service in
/// botocore's models, or one of the few actions IAM checks that are no API call.</summary>
public sealed class IamActionsTests(ITestOutputHelper output)
{
    /// <summary>Actions that exist in IAM only, each with why no API operation carries its name.</summary>
    private static readonly Dictionary<string, string> IamOnlyActions = new()
    {
        ["iam:PassRole"] = "a permission checked when a call hands a role to a service (RunInstances' instance profile), not a call of its own",
        ["lambda:InvokeFunction"] = "IAM's name for the Invoke operation (SAM's LambdaInvokePolicy grants it to the state machine)",
    };

    private readonly BotocoreModels _models = BotocoreModels.Load();

    [Fact]
    public void Policies_EveryAction_IsAnOperationOfItsService()
    {
        var template = ServerlessTemplate.Load();
        var granted = template.PolicyStatements()
            .Select(s => (Where: $"{s.LogicalId} statement {s.Statement["Sid"]?.GetValue<string>() ?? "(no Sid)"}", s.Statement))
            .Concat(SamPolicyTemplates.Load().Statements(template)
                .Select(s => (Where: $"{s.LogicalId} SAM policy template {s.Template}", s.Statement)))
            .SelectMany(s => Actions(s.Statement).Select(action => (s.Where, Action: action)))
            .ToList();
        output.WriteLine($"{granted.Select(g => g.Action).Distinct().Count()} actions checked:");
        foreach (var action in granted.Select(g => g.Action).Distinct().Order(StringComparer.Ordinal))
        {
            output.WriteLine($"  {action}{(IamOnlyActions.TryGetValue(action, out var why) ? $" (IAM only: {why})" : "")}");
        }

        var unknown = granted
            .Where(g => !IamOnlyActions.ContainsKey(g.Action))
            .Select(g => (g.Where, g.Action, Problem: Problem(g.Action)))
            .Where(g => g.Problem is not null)
            .Select(g => $"{g.Action} in {g.Where}: {g.Problem}")
            .Distinct()
            .ToList();

        Assert.True(unknown.Count == 0, "serverless.template grants actions AWS does not have:\n" + string.Join("\n", unknown));
    }

    /// <summary>The list holds only what the check cannot see: an action that is an operation belongs to the check.</summary>
    [Fact]
    public void IamOnlyActions_AreNotApiOperations()
    {
        var operations = IamOnlyActions.Keys.Where(action => Problem(action) is null).ToList();

        Assert.Empty(operations);
    }

    private string? Problem(string action)
    {
        var (prefix, name) = (action.Split(':')[0], action.Split(':').ElementAtOrDefault(1));
        return _models.Operations(prefix) switch
        {
            null => $"no botocore model is signed as or served from '{prefix}'",
            var operations when name is null || !operations.Contains(name) => $"'{prefix}' has no operation '{name}'",
            _ => null,
        };
    }

    private static IEnumerable<string> Actions(JsonObject statement) => statement["Action"] switch
    {
        JsonArray list => list.Select(a => a!.GetValue<string>()),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };
}
