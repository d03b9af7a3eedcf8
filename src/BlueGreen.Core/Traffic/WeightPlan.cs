using BlueGreen.Core.Settings;

namespace BlueGreen.Core.Traffic;

/// <summary>Green's weight, in percent, after each traffic step; always ends at 100.</summary>
public static class WeightPlan
{
    /// <example>AllAtOnce → [100]; Canary 10 → [10, 100]; Linear 25 → [25, 50, 75, 100];
    /// Linear 30 → [30, 60, 90, 100].</example>
    public static IReadOnlyList<int> GreenWeights(TrafficSettings traffic)
    {
        switch (traffic.Type)
        {
            case TrafficType.AllAtOnce:
                return [100];
            case TrafficType.Canary:
                var canary = Percent(traffic, 99);
                return [canary, 100];
            case TrafficType.Linear:
                var step = Percent(traffic, 100);
                var weights = new List<int>();
                for (var weight = step; weight < 100; weight += step)
                {
                    weights.Add(weight);
                }

                weights.Add(100);
                return weights;
            default:
                throw new ArgumentOutOfRangeException(nameof(traffic), traffic.Type, "Unknown traffic type.");
        }
    }

    private static int Percent(TrafficSettings traffic, int max) =>
        traffic.Percent is { } p && p >= 1 && p <= max
            ? p
            : throw new ArgumentOutOfRangeException(nameof(traffic), traffic.Percent, $"{traffic.Type} traffic needs a percent from 1 to {max}.");
}
