using BlueGreen.Local.Calls;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>What one deployment wrote, read from the gateway's journal: the writes its functions
/// made, and the names of the groups and launch templates it created.</summary>
public sealed record DeploymentWrites(IReadOnlyList<RecordedWrite> Writes)
{
    /// <summary>The journal from <paramref name="start"/> on, only what a Lambda function sent.</summary>
    public static DeploymentWrites Since(CallCounter calls, int start) =>
        new(calls.Writes().Skip(start).Where(w => w.Function is not null).ToList());

    /// <summary>How many of <see cref="Writes"/> an injected throttle or 5xx answered instead of
    /// the service: they reached the gateway (and the journal) but changed nothing.</summary>
    public int Rejected { get; init; }

    /// <summary>Writes that took effect (or may have).</summary>
    public int Effective => Writes.Count - Rejected;

    /// <summary>Distinct (service, operation) pairs, in ordinal order.</summary>
    public IReadOnlyList<FaultTarget> Operations =>
        Writes.Select(w => new FaultTarget(w.Service, w.Operation)).Distinct()
            .OrderBy(t => t.Service, StringComparer.Ordinal).ThenBy(t => t.Operation, StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> CreatedGroups => Named("CreateAutoScalingGroup", "AutoScalingGroupName");

    public IReadOnlyList<string> CreatedLaunchTemplates => Named("CreateLaunchTemplate", "LaunchTemplateName");

    private List<string> Named(string operation, string parameter) =>
        Writes.Where(w => w.Operation == operation)
            .Select(w => FormValue(w.Body, parameter))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static string? FormValue(string body, string name) =>
        body.Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(kv => kv.Length == 2 && Uri.UnescapeDataString(kv[0]) == name)
            .Select(kv => Uri.UnescapeDataString(kv[1].Replace('+', ' ')))
            .FirstOrDefault();
}
