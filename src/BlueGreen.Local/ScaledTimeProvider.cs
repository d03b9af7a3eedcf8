namespace BlueGreen.Local;

/// <summary>
/// A clock that runs 1/<c>scale</c> times faster than real time from the moment it is made, for
/// the handlers of a time-scaled local cloud: a bake or drain the handler measures itself then
/// passes as fast as the Wait states moto shortens, so a 60-second canary at × 0.1 takes 6 s.
/// </summary>
internal sealed class ScaledTimeProvider(TimeProvider real, double scale) : TimeProvider
{
    private readonly DateTimeOffset _origin = real.GetUtcNow();

    public override DateTimeOffset GetUtcNow()
    {
        var elapsed = real.GetUtcNow() - _origin;
        return _origin + TimeSpan.FromTicks((long)(elapsed.Ticks / scale));
    }
}
