using System.Text.Json.Nodes;
using BlueGreen.Workflow.Tests.Definition;

namespace BlueGreen.Workflow.Tests.Support;

/// <summary>Every AWS call a function made in this cloud so far is an action of its own policy in
/// serverless.template (IamPolicyCoverageTests runs swap; the in-group and pair runs check here).</summary>
internal static class PolicyAssertions
{
    private static readonly Dictionary<string, string> IamPrefix = new(StringComparer.Ordinal) { ["monitoring"] = "cloudwatch" };

    public static void AssertEveryCallAllowedByItsPolicy(this WorkflowCloud cloud)
    {
        var template = ServerlessTemplate.Load();
        var allowed = template.OfType("AWS::Serverless::Function").ToDictionary(
            f => f.LogicalId,
            f => template.PolicyStatements()
                .Where(s => s.LogicalId == f.LogicalId)
                .SelectMany(s => s.Statement["Action"] is JsonArray list ? list.Select(a => a!.GetValue<string>()) : [s.Statement["Action"]!.GetValue<string>()])
                .ToHashSet(StringComparer.Ordinal));
        var missing = cloud.Cloud.Calls.CallsByFunction()
            .SelectMany(f => f.Value.Select(call => (Function: f.Key, Action: $"{IamPrefix.GetValueOrDefault(call.Service, call.Service)}:{call.Operation}")))
            .Where(c => !allowed.TryGetValue(c.Function, out var actions) || !actions.Contains(c.Action))
            .Select(c => $"{c.Function} needs {c.Action}")
            .Order()
            .ToList();
        Assert.Empty(missing);
    }
}
