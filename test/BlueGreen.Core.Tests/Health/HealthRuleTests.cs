using BlueGreen.Core.Errors;
using BlueGreen.Core.Health;

namespace BlueGreen.Core.Tests.Health;

public sealed class HealthRuleTests
{
    private const string A = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-a/0123456789abcdef";
    private const string B = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-b/fedcba9876543210";

    private static InstanceHealth Instance(string id, string lifecycle = "InService", string? a = "healthy", string? b = "healthy", string? status = "Healthy")
    {
        var targets = new Dictionary<string, string>();
        if (a is not null)
        {
            targets[A] = a;
        }

        if (b is not null)
        {
            targets[B] = b;
        }

        return new InstanceHealth(id, lifecycle, status, targets);
    }

    [Fact]
    public void Evaluate_AllInServiceAndHealthyEverywhere_Healthy()
    {
        var verdict = HealthRule.Evaluate([Instance("i-1"), Instance("i-2")], [A, B], desiredCapacity: 2, minHealthyPercent: 100);

        Assert.True(verdict.IsHealthy);
        Assert.Equal((2, 2), (verdict.HealthyCount, verdict.RequiredCount));
        Assert.Empty(verdict.Unhealthy);
    }

    [Theory]
    [InlineData("initial")]
    [InlineData("draining")]
    [InlineData("unused")]
    [InlineData("unhealthy")]
    [InlineData("unavailable")]
    public void Evaluate_TargetStateNotHealthy_NeverCounts(string state)
    {
        var verdict = HealthRule.Evaluate([Instance("i-1", b: state)], [A, B], 1, 100);

        Assert.False(verdict.IsHealthy);
        var reason = Assert.Single(Assert.Single(verdict.Unhealthy).Reasons);
        Assert.StartsWith($"{state} in target group targetgroup/shop-b", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NotInServiceAndNotRegistered_ListsEveryReason()
    {
        var verdict = HealthRule.Evaluate([Instance("i-1", lifecycle: "Pending", a: null, status: "Unhealthy")], [A, B], 1, 100);

        Assert.Equal(
            ["lifecycle state Pending, not InService", "marked Unhealthy by Auto Scaling", "not registered in target group targetgroup/shop-a"],
            Assert.Single(verdict.Unhealthy).Reasons);
    }

    [Theory]
    [InlineData(3, 50, 2)]
    [InlineData(3, 67, 3)]
    [InlineData(4, 50, 2)]
    [InlineData(10, 1, 1)]
    [InlineData(0, 100, 0)]
    public void RequiredCount_MinHealthyPercent_RoundsUp(int desired, int percent, int expected) =>
        Assert.Equal(expected, HealthRule.RequiredCount(desired, percent));

    [Fact]
    public void Evaluate_EnoughHealthyForMinPercent_HealthyDespiteOneBad()
    {
        var verdict = HealthRule.Evaluate([Instance("i-1"), Instance("i-2"), Instance("i-3", a: "initial")], [A], 3, 50);

        Assert.True(verdict.IsHealthy);
        Assert.Equal("i-3", Assert.Single(verdict.Unhealthy).InstanceId);
    }

    [Fact]
    public void Evaluate_FewerInstancesThanDesired_MissingOnesCountAgainst()
    {
        var verdict = HealthRule.Evaluate([Instance("i-1")], [A], desiredCapacity: 2, minHealthyPercent: 100);

        Assert.False(verdict.IsHealthy);
        Assert.StartsWith("1 of 2 green instances healthy, 2 required", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AlarmInAlarm_NotHealthy()
    {
        var verdict = HealthRule.Evaluate([Instance("i-1")], [A], 1, 100, ["shop-5xx"]);

        Assert.False(verdict.IsHealthy);
        Assert.Contains("alarms in ALARM: shop-5xx", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ToError_Unhealthy_GreenUnhealthyWithInstancesInDetails()
    {
        var verdict = HealthRule.Evaluate([Instance("i-1", a: "draining")], [A], 1, 100);

        GreenUnhealthy error = verdict.ToError(900);

        Assert.Contains("within 900 seconds", error.Message, StringComparison.Ordinal);
        Assert.Equal("i-1", error.Details!["instances"]![0]!["instanceId"]!.GetValue<string>());
        Assert.Equal(1, error.Details["required"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Evaluate_MinHealthyPercentOutOfRange_Throws(int percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthRule.Evaluate([], [A], 1, percent));
}
