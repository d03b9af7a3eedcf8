using BlueGreen.Local.Tests.CodeDeploy;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Local.Tests;

public sealed class ScaledTimeProviderTests
{
    [Fact]
    public void GetUtcNow_TimeScaleOneTenth_RunsTenTimesFaster()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var scaled = new ScaledTimeProvider(real, 0.1);
        var start = scaled.GetUtcNow();

        real.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(TimeSpan.FromSeconds(60), scaled.GetUtcNow() - start);
    }
}
