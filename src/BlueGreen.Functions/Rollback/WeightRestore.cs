using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Traffic;

namespace BlueGreen.Functions.Rollback;

/// <summary>
/// Puts blue back on the traffic path of the weighted and dns strategies: one write giving blue's
/// half 100 and green's 0, only when the weights differ, so a second run writes nothing. It does not
/// wait for a Route 53 change to be INSYNC: resolvers follow within the record's TTL either way.
/// </summary>
public sealed class WeightRestore(ISplitPath path)
{
    public async Task RestoreAsync(TrafficPath pair, RollbackReport report, CancellationToken cancellationToken)
    {
        var now = await path.ReadAsync(pair, cancellationToken);
        if (now == SplitWeights.AllBlue)
        {
            return;
        }

        await path.WriteAsync(pair, SplitWeights.AllBlue, cancellationToken);
        report.Done($"set the weights on {path.Name} back to blue {SplitWeights.AllBlue.Blue} / green {SplitWeights.AllBlue.Green} (were {now.Blue} / {now.Green})");
    }
}
