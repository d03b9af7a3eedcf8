using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Traffic;

/// <summary>The last phase of swap and in-group: the old fleet is out of the target groups and the
/// state machine calls again until drainSeconds have passed since the phase began (the ELB
/// deregistration delay lets connections finish); then the shift is done.</summary>
internal static class DrainWait
{
    /// <param name="draining">What drains, for the detail while waiting ("… until &lt;time&gt;").</param>
    /// <param name="drained">The detail once done.</param>
    /// <param name="onDrained">Called once, when the wait is over (the caller logs it).</param>
    public static TrafficShift Advance(TrafficShift current, int drainSeconds, DateTimeOffset now, string draining, string drained, Action onDrained)
    {
        var drainedAt = current.PhaseSince.AddSeconds(drainSeconds);
        if (now < drainedAt)
        {
            return current with { Detail = $"{draining} until {drainedAt:O}" };
        }

        onDrained();
        return new TrafficShift(SwapPhase.Done, true, now, drained, true);
    }
}
