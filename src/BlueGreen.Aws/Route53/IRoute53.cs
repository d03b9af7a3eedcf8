namespace BlueGreen.Aws.Route53;

/// <summary>The Route 53 calls BlueGreen makes for DNS-weighted traffic shifting.
/// Zone and change ids are accepted with or without their "/hostedzone/" or "/change/" prefix.</summary>
public interface IRoute53
{
    /// <summary>The zone's records; with <paramref name="recordName"/>, only the records of that name.</summary>
    Task<IReadOnlyList<RecordSet>> ListResourceRecordSetsAsync(string hostedZoneId, string? recordName = null, CancellationToken cancellationToken = default);

    /// <summary>Applies all changes atomically.</summary>
    Task<ChangeInfo> ChangeResourceRecordSetsAsync(
        string hostedZoneId, IReadOnlyCollection<RecordChange> changes, string? comment = null, CancellationToken cancellationToken = default);

    /// <summary>A public hosted zone (the local dns sample makes one; BlueGreen only changes records).</summary>
    /// <returns>The zone's id without the <c>/hostedzone/</c> prefix.</returns>
    Task<string> CreateHostedZoneAsync(string name, string callerReference, CancellationToken cancellationToken = default);

    Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken = default);
}
