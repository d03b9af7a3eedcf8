using BlueGreen.Local.Tests.CodeDeploy;

namespace BlueGreen.Local.Tests.Time;

public sealed class ScaledTimeProviderTests
{
    [Fact]
    public void GetUtcNow_TimeScaleOneTenth_RunsTenTimesFaster()
    {
        var real = new ManualTimeProvider();
        var scaled = new ScaledTimeProvider(real, 0.1);
        var start = scaled.GetUtcNow();

        real.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(TimeSpan.FromSeconds(60), scaled.GetUtcNow() - start);
    }
}
