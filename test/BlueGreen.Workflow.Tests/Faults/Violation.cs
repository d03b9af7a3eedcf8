namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>One end-state invariant (DESIGN §4) that did not hold, by name, with what was seen.</summary>
public sealed record Violation(string Invariant, string Seen)
{
    public override string ToString() => $"{Invariant}: {Seen}";
}
