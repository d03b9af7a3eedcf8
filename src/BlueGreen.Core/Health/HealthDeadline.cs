namespace BlueGreen.Core.Health;

/// <summary>
/// The health loop's clock: the state machine waits; the handler only asks, with the injected
/// <see cref="TimeProvider"/>, whether green is healthy, may still become so, or is out of time.
/// </summary>
public static class HealthDeadline
{
    public static HealthDecision Decide(HealthVerdict verdict, DateTimeOffset startedAt, int timeoutSeconds, TimeProvider time)
    {
        if (verdict.IsHealthy)
        {
            return HealthDecision.Healthy;
        }

        return time.GetUtcNow() >= startedAt.AddSeconds(timeoutSeconds) ? HealthDecision.TimedOut : HealthDecision.Wait;
    }
}
