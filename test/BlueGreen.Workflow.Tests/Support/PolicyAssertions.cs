using System.Text.Json.Nodes;
using BlueGreen.Local.Gateway;
using BlueGreen.Workflow.Tests.Definition;

namespace BlueGreen.Workflow.Tests.Support;

/// <summary>
/// Every AWS call a function made is an action of its own policy in serverless.template. Two
/// sources of calls: the cloud's call counter since its last reset (a test's own runs), and the
/// strict wire report, which keeps every call each function made for the fixture's whole life,
/// so every strategy and path any test in the collection ran is checked when the fixture ends.
/// </summary>
internal static class PolicyAssertions
{
    // The gateway knows services by their SigV4 signing name; IAM by its action prefix.
    private static readonly Dictionary<string, string> IamPrefix = new(StringComparer.Ordinal) { ["monitoring"] = "cloudwatch" };

    private static readonly Lazy<Dictionary<string, HashSet<string>>> Allowed = new(LoadAllowed);

    /// <summary>Each function's IAM actions, by its template logical id ("ProvisionGreenFunction").</summary>
    public static IReadOnlyDictionary<string, HashSet<string>> AllowedActions => Allowed.Value;

    public static string IamAction(string service, string operation) => $"{IamPrefix.GetValueOrDefault(service, service)}:{operation}";

    /// <summary>"<c>Function needs service:Action</c>" for every call its policy does not allow.</summary>
    public static IReadOnlyList<string> NotAllowed(IEnumerable<(string Function, string Action)> calls) => calls
        .Where(c => !AllowedActions.TryGetValue(c.Function, out var actions) || !actions.Contains(c.Action))
        .Select(c => $"{c.Function} needs {c.Action}")
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The calls the cloud's counter saw each function make since its last reset, as IAM actions.</summary>
    public static IReadOnlyList<(string Function, string Action)> ObservedActions(this WorkflowCloud cloud) =>
        cloud.Cloud.Calls.CallsByFunction()
            .SelectMany(f => f.Value.Select(call => (f.Key, IamAction(call.Service, call.Operation))))
            .ToList();

    public static void AssertEveryCallAllowedByItsPolicy(this WorkflowCloud cloud) => Assert.Empty(NotAllowed(cloud.ObservedActions()));

    /// <summary>The calls strict wire mode checked for each function ("signing:Operation"), as IAM actions.</summary>
    public static IReadOnlyList<(string Function, string Action)> CheckedActions(WireSnapshot wire) => wire.Functions
        .SelectMany(f => f.Value.Select(call => call.Split(':', 2) is [var service, var operation] ? (f.Key, IamAction(service, operation)) : (f.Key, call)))
        .ToList();

    /// <summary>For a fixture's end: every call any test in the collection made a function send.</summary>
    public static void ThrowIfAnyCallNotAllowed(WireSnapshot wire)
    {
        var missing = NotAllowed(CheckedActions(wire));
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Functions called AWS beyond their policies in serverless.template:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
        }
    }

    private static Dictionary<string, HashSet<string>> LoadAllowed()
    {
        var template = ServerlessTemplate.Load();
        return template.OfType("AWS::Serverless::Function").ToDictionary(
            f => f.LogicalId,
            f => template.PolicyStatements()
                .Where(s => s.LogicalId == f.LogicalId)
                .SelectMany(s => s.Statement["Action"] is JsonArray list ? list.Select(a => a!.GetValue<string>()) : [s.Statement["Action"]!.GetValue<string>()])
                .ToHashSet(StringComparer.Ordinal));
    }
}
