using BlueGreen.Core.Settings;

namespace BlueGreen.Core.Traffic;

/// <summary>
/// The ShiftTraffic loop's plan. Each intermediate step bakes for the longer of
/// <c>traffic.intervalSeconds</c> and <c>health.bakeSeconds</c>; the last (100 %) bakes for
/// <c>health.bakeSeconds</c>, since after it only blue's wait remains.
/// </summary>
public sealed record TrafficPlan(IReadOnlyList<TrafficStep> Steps)
{
    public static TrafficPlan For(TrafficSettings traffic, HealthSettings health)
    {
        var weights = WeightPlan.GreenWeights(traffic);
        var interval = Math.Max(traffic.IntervalSeconds ?? 0, health.BakeSeconds);
        return new TrafficPlan(weights
            .Select((weight, index) => new TrafficStep(index, weight, weight == 100 ? health.BakeSeconds : interval))
            .ToArray());
    }

    public static TrafficPlan For(ApplicationSettings settings) => For(settings.Traffic, settings.Health);

    /// <summary>The step after <paramref name="index"/>, or null when traffic is all on green.</summary>
    public TrafficStep? After(int index) => index + 1 < Steps.Count ? Steps[index + 1] : null;
}
