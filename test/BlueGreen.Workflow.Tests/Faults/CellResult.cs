namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>How one cell (or baseline run) ended, what it violated, and how long it took.</summary>
/// <param name="Name">The cell's name, or the baseline's.</param>
/// <param name="Kind">Null for a baseline run (no fault).</param>
public sealed record CellResult(
    string Name, string Strategy, FaultKind? Kind, bool LambdaInvoke, EndState End,
    IReadOnlyList<Violation> Violations, TimeSpan WallTime, DeploymentWrites Writes, IReadOnlyList<string> InvokedFunctions)
{
    public bool Clean => Violations.Count == 0;

    /// <summary>Whether the injected fault was taken by a call; null for a baseline run.</summary>
    public bool? FaultReached { get; init; }

    /// <summary>One line per violation, for an assertion message.</summary>
    public string Describe() =>
        $"{Name}: ended {End.Outcome} in {WallTime.TotalSeconds:F1} s{(FaultReached == false ? " (the fault was never reached)" : string.Empty)}; " +
        (Clean ? "every invariant holds" : $"{Violations.Count} violated:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", Violations));
}
