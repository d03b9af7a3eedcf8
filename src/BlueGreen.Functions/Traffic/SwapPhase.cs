namespace BlueGreen.Functions.Traffic;

/// <summary>The phases of a swap, in order; <see cref="Contracts.TrafficShift.Phase"/> names the
/// one the next ShiftTraffic call runs.</summary>
public static class SwapPhase
{
    /// <summary>Attach green to the target groups (blue stays attached: both serve).</summary>
    public const string Attach = "attach";

    /// <summary>Wait until green is healthy in every target group, then detach blue.</summary>
    public const string AwaitGreenTargets = "await-green-targets";

    /// <summary>Blue is detached; wait drainSeconds while the ELB deregistration delay drains it.</summary>
    public const string Draining = "draining";

    /// <summary>Green alone serves; nothing left to do.</summary>
    public const string Done = "done";
}
