namespace BlueGreen.Functions.Traffic;

/// <summary>The phases of a weighted or dns shift, in order; <see cref="Contracts.TrafficShift.Phase"/>
/// names the one the next ShiftTraffic call runs, <see cref="Contracts.TrafficShift.StepIndex"/> the
/// traffic step it belongs to.</summary>
public static class SplitPhase
{
    /// <summary>Make the idle target group serve only green: other groups of the application out, green in.</summary>
    public const string ServeOnlyGreen = "serve-only-green";

    /// <summary>Wait until green is registered and healthy in the idle target group; then the first weights.</summary>
    public const string AwaitGreenTargets = "await-green-targets";

    /// <summary>A Route 53 change is written; wait until it is INSYNC before the bake starts.</summary>
    public const string AwaitInSync = "await-insync";

    /// <summary>A step's weights serve; watch the alarms for its bake time, then the next step.</summary>
    public const string Bake = "bake";

    /// <summary>Green has 100 %: wait drainSeconds (and a DNS record's TTL) for blue's last requests.</summary>
    public const string Draining = "draining";

    /// <summary>Green alone serves; nothing left to do.</summary>
    public const string Done = "done";
}
