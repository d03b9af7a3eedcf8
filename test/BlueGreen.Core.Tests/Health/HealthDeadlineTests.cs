using BlueGreen.Core.Health;
using BlueGreen.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Core.Tests.Health;

public sealed class HealthDeadlineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly HealthVerdict Sick = new(false, 0, 1, 1, [], []);
    private static readonly HealthVerdict Well = new(true, 1, 1, 1, [], []);

    [Fact]
    public void Decide_Healthy_HealthyEvenAfterTimeout() =>
        Assert.Equal(HealthDecision.Healthy, HealthDeadline.Decide(Well, Start, 900, new FakeTimeProvider(Start.AddHours(1))));

    [Fact]
    public void Decide_UnhealthyBeforeTimeout_Wait() =>
        Assert.Equal(HealthDecision.Wait, HealthDeadline.Decide(Sick, Start, 900, new FakeTimeProvider(Start.AddSeconds(899))));

    [Fact]
    public void Decide_UnhealthyAtTimeout_TimedOut() =>
        Assert.Equal(HealthDecision.TimedOut, HealthDeadline.Decide(Sick, Start, 900, new FakeTimeProvider(Start.AddSeconds(900))));
}
