using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Rollback;

namespace BlueGreen.Functions.Strategies.Weights;

/// <summary>
/// Puts blue back on the traffic path of the weighted and dns strategies: one write giving blue's
/// half 100 and green's 0, only when the weights differ, so a second run writes nothing. It does not
/// wait for a Route 53 change to be INSYNC: resolvers follow within the record's TTL either way.
/// </summary>
public sealed class WeightRestore(IWeightPath path)
{
    public async Task RestoreAsync(TrafficPath pair, RollbackReport report, CancellationToken cancellationToken)
    {
        var now = await path.ReadAsync(pair, cancellationToken);
        if (now == TrafficWeights.AllBlue)
        {
            return;
        }

        await path.WriteAsync(pair, TrafficWeights.AllBlue, cancellationToken);
        report.Done($"set the weights on {path.Name} back to blue {TrafficWeights.AllBlue.Blue} / green {TrafficWeights.AllBlue.Green} (were {now.Blue} / {now.Green})");
    }
}
