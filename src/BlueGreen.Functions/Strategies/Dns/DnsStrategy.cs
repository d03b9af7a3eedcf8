using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Strategies.Weights;

namespace BlueGreen.Functions.Strategies.Dns;

/// <summary>
/// <c>dns</c>: one ALB per color behind two Route 53 weighted records of one name; green's record
/// gets weight by the traffic plan's steps, each change awaited until INSYNC, and blue drains for
/// the record's TTL too. The pair is the records (<see cref="DnsRecordPath"/>).
/// </summary>
public sealed class DnsStrategy : WeightsStrategy
{
    public override DeploymentStrategy Name => DeploymentStrategy.Dns;

    protected override string SettingsSection => "dns";

    public override IWeightPath? WeightPath(Deployment deployment, StrategyServices services) =>
        deployment.Settings.Dns is { } dns
            ? new DnsRecordPath(services.Aws.Route53, dns, ApplicationSettings.ParameterName(deployment.Application))
            : null;

    public override string PlanTraffic(Deployment deployment, LiveFleet live, IReadOnlyList<string> targets, TrafficPlan traffic) =>
        $"Traffic (dns): the idle record {live.TrafficPath?.IdleSetIdentifier} (weight 0 now; target group {Wording.Join(targets)}) serves only green and, once green is healthy there, gets {Wording.Steps(traffic)}; blue's record {live.TrafficPath?.LiveSetIdentifier} keeps the rest; each change waits for INSYNC, and blue drains for the record's TTL.";

    protected override string? RestoreWeightsStep(Deployment deployment, LiveFleet live, TrafficPath path) =>
        deployment.Settings.Dns is { } dns
            ? $"Set the weighted records {dns.RecordName} in hosted zone {dns.HostedZoneId} back to blue: "
                + $"set identifier {path.LiveSetIdentifier} weight 100, {path.IdleSetIdentifier} weight 0 ({live.GroupName} serves behind the first)."
            : null;
}
