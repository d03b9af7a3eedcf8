using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Strategies.Weights;

/// <summary>
/// The weighted pair a <c>weighted</c> or <c>dns</c> shift moves: a listener's (or rule's) forward
/// action, or two Route 53 weighted records. Reads refuse, by name, anything that is not the pair
/// the settings describe, so no write ever touches what is not ours.
/// </summary>
public interface IWeightPath
{
    /// <summary>In words, for messages: "listener arn:…" or "records shop.example.com. in zone Z…".</summary>
    string Name { get; }

    /// <summary>Which half carries blue and which is idle, from the weights now (DescribeLive).</summary>
    Task<TrafficPath> FindIdleAsync(CancellationToken cancellationToken);

    /// <summary>The halves told apart by which target group the live group is attached to (not by
    /// the weights, which mid-shift both carry); null when it is attached to neither.</summary>
    TrafficPath? PathServedBy(IReadOnlyCollection<string> liveTargetGroupArns);

    /// <summary>Blue's and green's weights now.</summary>
    Task<TrafficWeights> ReadAsync(TrafficPath path, CancellationToken cancellationToken);

    /// <summary>One write setting both weights, everything else kept; a change id when the write
    /// has to propagate (Route 53), else null.</summary>
    Task<string?> WriteAsync(TrafficPath path, TrafficWeights weights, CancellationToken cancellationToken);

    /// <summary>Whether a write's change has reached every server.</summary>
    Task<bool> InSyncAsync(string changeId, CancellationToken cancellationToken);

    /// <summary>How long clients may still reach blue after its weight became 0, beyond drainSeconds
    /// (a DNS record's TTL; 0 for a load balancer, which switches at once).</summary>
    Task<int> LingerSecondsAsync(TrafficPath path, CancellationToken cancellationToken);
}
