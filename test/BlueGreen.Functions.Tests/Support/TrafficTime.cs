using BlueGreen.Functions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>A clock the test moves stands in for the state machine's Wait states: the handlers read
/// time only through <see cref="TimeProvider"/>, so waiting is <see cref="FakeTimeProvider.Advance"/>.</summary>
public static class TrafficTime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The cloud's services with <paramref name="clock"/> in place of the system's.</summary>
    public static FunctionServices Services(this FakeTimeProvider clock, FunctionsCloud cloud) =>
        new(cloud.Aws, clock, cloud.Log, cloud.Services.Settings);
}
