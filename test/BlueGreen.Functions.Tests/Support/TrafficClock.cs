using BlueGreen.Functions.Hosting;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>A clock the test moves, standing in for the state machine's Wait states: the handlers
/// read time only through <see cref="TimeProvider"/>, so waiting is <see cref="Advance"/>.</summary>
public sealed class TrafficClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public TrafficClock()
        : this(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    /// <summary>The cloud's services with this clock in place of the system's.</summary>
    public FunctionServices Services(FunctionsCloud cloud) =>
        new(cloud.Aws, this, cloud.Log, cloud.Services.Settings);
}
