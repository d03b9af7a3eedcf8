using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Tests.Traffic;

public sealed class TrafficPlanTests
{
    [Fact]
    public void For_Linear_BakesIntervalBetweenStepsAndHealthBakeAfterLast()
    {
        var plan = TrafficPlan.For(TrafficSettings.Linear(25, 60), HealthSettings.Default with { BakeSeconds = 30 });

        Assert.Equal(
            [new TrafficStep(0, 25, 60), new TrafficStep(1, 50, 60), new TrafficStep(2, 75, 60), new TrafficStep(3, 100, 30)],
            plan.Steps);
        Assert.Equal(25, plan.Steps[2].BlueWeight);
        Assert.True(plan.Steps[3].IsLast);
    }

    [Fact]
    public void For_BakeLongerThanInterval_BakeWins() =>
        Assert.Equal(120, TrafficPlan.For(TrafficSettings.Canary(10, 60), HealthSettings.Default with { BakeSeconds = 120 }).Steps[0].BakeSeconds);

    [Fact]
    public void After_LastStep_IsNull()
    {
        var plan = TrafficPlan.For(TrafficSettings.Canary(10, 300), HealthSettings.Default);

        Assert.Equal(new TrafficStep(1, 100, 0), plan.After(0));
        Assert.Null(plan.After(1));
    }
}
