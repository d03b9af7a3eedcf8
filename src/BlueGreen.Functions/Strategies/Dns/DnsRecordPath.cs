using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Route53;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Strategies.Weights;

namespace BlueGreen.Functions.Strategies.Dns;

/// <summary>
/// The <c>dns</c> strategy's pair: the weighted records of one name, one set identifier per color
/// (an alias to the color's ALB or a CNAME; an A and an AAAA alias may share a set identifier).
/// A write is one ChangeResourceRecordSets upserting every record of both colors with only the
/// weight changed. Another weighted record of the same name would take traffic we do not move,
/// so it is refused.
/// </summary>
public sealed class DnsRecordPath(IRoute53 route53, DnsSettings settings, string settingsName) : IWeightPath
{
    /// <summary>An alias record has no TTL of its own: Route 53 answers an alias to a load balancer
    /// with the balancer's record TTL, which is 60 s, whatever TTL a listing may show for it.</summary>
    public const int AliasTtlSeconds = 60;

    public string Name => $"records {settings.RecordName} in hosted zone {settings.HostedZoneId}";

    public async Task<TrafficPath> FindIdleAsync(CancellationToken cancellationToken)
    {
        var records = await ReadRecordsAsync(cancellationToken);
        var identifiers = settings.Colors.Select(c => c.SetIdentifier).ToList();
        var pair = IdlePair.Choose(identifiers, WeightsOf(records), out var problem)
            ?? throw Refuse("$.dns.colors", $"{Name} cannot tell the idle color: {problem}",
                "give the live color's record a weight above 0 and the other's 0, then deploy again");
        var live = settings.Colors.Single(c => c.SetIdentifier == pair.Live);
        var idle = settings.Colors.Single(c => c.SetIdentifier == pair.Idle);
        return new TrafficPath(live.TargetGroupArn, idle.TargetGroupArn, live.SetIdentifier, idle.SetIdentifier);
    }

    public TrafficPath? PathServedBy(IReadOnlyCollection<string> liveTargetGroupArns)
    {
        var live = settings.Colors.FirstOrDefault(c => liveTargetGroupArns.Contains(c.TargetGroupArn, StringComparer.Ordinal));
        var idle = settings.Colors.FirstOrDefault(c => c != live);
        return live is null || idle is null ? null : new TrafficPath(live.TargetGroupArn, idle.TargetGroupArn, live.SetIdentifier, idle.SetIdentifier);
    }

    public async Task<TrafficWeights> ReadAsync(TrafficPath path, CancellationToken cancellationToken)
    {
        var weights = WeightsOf(await ReadRecordsAsync(cancellationToken));
        return new TrafficWeights((int)weights[Live(path)], (int)weights[Idle(path)]);
    }

    public async Task<string?> WriteAsync(TrafficPath path, TrafficWeights weights, CancellationToken cancellationToken)
    {
        var records = await ReadRecordsAsync(cancellationToken);
        var changes = records
            .Select(r => new RecordChange(RecordChangeAction.Upsert, r with { Weight = r.SetIdentifier == Live(path) ? weights.Blue : weights.Green }))
            .ToList();
        var change = await route53.ChangeResourceRecordSetsAsync(
            settings.HostedZoneId, changes, $"bluegreen: blue {Live(path)} {weights.Blue}, green {Idle(path)} {weights.Green}", cancellationToken);
        return change.Id;
    }

    public async Task<bool> InSyncAsync(string changeId, CancellationToken cancellationToken) =>
        (await route53.GetChangeAsync(changeId, cancellationToken)).Status == "INSYNC";

    public async Task<int> LingerSecondsAsync(TrafficPath path, CancellationToken cancellationToken) =>
        (int)(await ReadRecordsAsync(cancellationToken))
            .Where(r => r.SetIdentifier == Live(path))
            .Select(r => r.Alias is null ? r.Ttl ?? AliasTtlSeconds : AliasTtlSeconds)
            .DefaultIfEmpty(AliasTtlSeconds)
            .Max();

    /// <summary>Every record of both colors, checked to be the pair the settings describe.</summary>
    private async Task<IReadOnlyList<RecordSet>> ReadRecordsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<RecordSet> named;
        try
        {
            named = await route53.ListResourceRecordSetsAsync(settings.HostedZoneId, settings.RecordName, cancellationToken);
        }
        catch (AwsServiceException missing) when (missing is AwsNotFoundException or AwsValidationException)
        {
            throw Refuse("$.dns.hostedZoneId", $"names a hosted zone whose records cannot be read ({missing.Code}: {missing.ErrorMessage})",
                "give the id of the hosted zone that holds the weighted records");
        }

        var identifiers = settings.Colors.Select(c => c.SetIdentifier).ToList();
        var foreign = named.Where(r => r.Weight is not null && !identifiers.Contains(r.SetIdentifier!, StringComparer.Ordinal)).ToList();
        if (foreign.Count > 0)
        {
            throw Refuse("$.dns.colors", $"{Name} also has weighted record(s) {string.Join(", ", foreign.Select(r => $"{r.Type} {r.SetIdentifier} (weight {r.Weight})"))}, which would keep taking traffic",
                "delete them, or name the two records the deployment moves in $.dns.colors");
        }

        var ours = named.Where(r => identifiers.Contains(r.SetIdentifier ?? "", StringComparer.Ordinal)).ToList();
        foreach (var (color, index) in settings.Colors.Select((c, i) => (c, i)))
        {
            var mine = ours.Where(r => r.SetIdentifier == color.SetIdentifier).ToList();
            if (mine.Count == 0 || mine.Any(r => r.Weight is null) || mine.Select(r => r.Weight).Distinct().Count() > 1)
            {
                throw Refuse($"$.dns.colors[{index}].setIdentifier", mine.Count == 0
                        ? $"names no record of {Name}"
                        : $"names records of {Name} that are not one weighted record set (weights {string.Join(", ", mine.Select(r => r.Weight?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"))})",
                    "create a weighted record (alias to the color's load balancer, or CNAME) with this SetIdentifier");
            }
        }

        return ours;
    }

    private static Dictionary<string, long> WeightsOf(IReadOnlyList<RecordSet> records) =>
        records.GroupBy(r => r.SetIdentifier!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Weight ?? 0, StringComparer.Ordinal);

    private static string Live(TrafficPath path) => path.LiveSetIdentifier ?? throw new InvalidOperationException("A dns traffic path needs $.live.trafficPath.liveSetIdentifier.");

    private static string Idle(TrafficPath path) => path.IdleSetIdentifier ?? throw new InvalidOperationException("A dns traffic path needs $.live.trafficPath.idleSetIdentifier.");

    private InvalidRequest Refuse(string path, string message, string fix) =>
        new([new Problem(path, message, fix)], $"The dns traffic path in {settingsName}");
}
