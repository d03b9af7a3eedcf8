namespace BlueGreen.Functions.Strategies;

/// <summary>
/// The phases of ShiftTraffic, one vocabulary for every strategy; <see cref="Contracts.TrafficShift.Phase"/>
/// names the one the next call runs (these strings are the wire's <c>$.traffic.phase</c>). Each
/// strategy starts at its own first phase, then goes through the shared ones it needs, in this order,
/// and always ends <see cref="Draining"/> → <see cref="Done"/>:
/// <list type="bullet">
/// <item>swap: <see cref="Attach"/> → <see cref="AwaitGreenTargets"/> → <see cref="Draining"/> → <see cref="Done"/></item>
/// <item>weighted, dns: <see cref="ServeOnlyGreen"/> → <see cref="AwaitGreenTargets"/> → (<see cref="AwaitInSync"/> →) <see cref="Bake"/> per step → <see cref="Draining"/> → <see cref="Done"/></item>
/// <item>in-group: <see cref="TakeOldOut"/> → <see cref="Draining"/> → <see cref="Done"/></item>
/// </list>
/// </summary>
public static class TrafficPhase
{
    /// <summary>swap: attach green to the target groups (blue stays attached: both serve).</summary>
    public const string Attach = "attach";

    /// <summary>weighted, dns: make the idle target group serve only green (other groups of the application out, green in).</summary>
    public const string ServeOnlyGreen = "serve-only-green";

    /// <summary>in-group: once the new instances are healthy in the target groups, deregister the old ones.</summary>
    public const string TakeOldOut = "take-old-out";

    /// <summary>Wait until green is healthy in its target group(s); then blue goes (swap) or the first weights (weighted, dns).</summary>
    public const string AwaitGreenTargets = "await-green-targets";

    /// <summary>dns: a Route 53 change is written; wait until it is INSYNC before the bake starts.</summary>
    public const string AwaitInSync = "await-insync";

    /// <summary>weighted, dns: a step's weights serve; watch the alarms for its bake time, then the next step.</summary>
    public const string Bake = "bake";

    /// <summary>Blue takes no new traffic; wait drainSeconds (plus a DNS record's TTL) for its last requests. See <see cref="Drain"/>.</summary>
    public const string Draining = "draining";

    /// <summary>Green alone serves; nothing left to do.</summary>
    public const string Done = "done";
}
