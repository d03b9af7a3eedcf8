using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Strategies.Dns;
using BlueGreen.Functions.Strategies.InGroup;
using BlueGreen.Functions.Strategies.Swap;
using BlueGreen.Functions.Strategies.Weighted;

namespace BlueGreen.Functions.Strategies;

/// <summary>
/// The one registration point: each settings <c>strategy</c> value and the type that implements it.
/// Handlers ask <see cref="For(Deployment)"/> and never switch on the strategy themselves.
/// </summary>
public static class StrategyCatalog
{
    private static readonly IReadOnlyDictionary<DeploymentStrategy, IStrategy> All = new IStrategy[]
    {
        new SwapStrategy(),
        new WeightedStrategy(),
        new DnsStrategy(),
        new InGroupStrategy(),
    }.ToDictionary(s => s.Name);

    /// <summary>Every registered strategy (a test checks that each settings value has one).</summary>
    public static IEnumerable<IStrategy> Registered => All.Values;

    /// <summary>The deployment's strategy.</summary>
    public static IStrategy For(Deployment deployment) => For(deployment.Strategy);

    public static IStrategy For(DeploymentStrategy strategy) =>
        All.TryGetValue(strategy, out var found)
            ? found
            : throw new InvalidOperationException($"No strategy type is registered for {strategy}; add it to {nameof(StrategyCatalog)}.");
}
