using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Strategies;

/// <summary>
/// The last phase of every strategy (<see cref="TrafficPhase.Draining"/>): blue takes no new traffic
/// and the state machine calls again until the drain time has passed since the phase began (the ELB
/// deregistration delay, and for dns the record's TTL, let the last requests finish); then the
/// shift is <see cref="TrafficPhase.Done"/>.
/// </summary>
public static class Drain
{
    /// <summary>While draining, at most this long between calls, so an alarm is seen soon.</summary>
    public const int MaxWaitSeconds = 10;

    /// <summary>Enters the phase: blue is out from <paramref name="now"/>.</summary>
    public static TrafficShift Begin(DateTimeOffset now, int drainSeconds, string detail, int? stepIndex = null) =>
        TrafficShift.InPhase(TrafficPhase.Draining, now, detail, BlueTraffic.Out, Math.Min(drainSeconds, MaxWaitSeconds), stepIndex);

    /// <param name="current">The shift in <see cref="TrafficPhase.Draining"/>.</param>
    /// <param name="drainSeconds">How long blue drains, counted from the phase's start.</param>
    /// <param name="blue">What drains, in words ("blue shop-blue", "old instances of shop").</param>
    /// <param name="drained">The detail once done.</param>
    public static TrafficShift Advance(TrafficShift current, int drainSeconds, DateTimeOffset now, string blue, string drained, StepLog log)
    {
        var remaining = Math.Max(0, (int)Math.Ceiling((current.PhaseSince.AddSeconds(drainSeconds) - now).TotalSeconds));
        if (remaining > 0)
        {
            return current with { Detail = $"{blue} drains for {remaining} more seconds", WaitSeconds = Math.Min(remaining, MaxWaitSeconds) };
        }

        log.Info("{Drained} drained for {DrainSeconds} seconds; traffic shift done", blue, drainSeconds);
        return TrafficShift.Finished(now, drained, current.StepIndex);
    }
}
