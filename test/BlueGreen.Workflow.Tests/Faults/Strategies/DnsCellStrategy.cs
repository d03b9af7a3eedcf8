using BlueGreen.Aws.AutoScaling;
using BlueGreen.Local.Sample;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Faults.Strategies;

/// <summary>dns (all at once): one ALB per color, weighted records; the live group's color has every weight.</summary>
public sealed class DnsCellStrategy : ICellStrategy
{
    public string Name => "dns";

    public async Task<CellApplication> SeedAsync(WorkflowCloud cloud, int healthTimeoutSeconds)
    {
        var dns = await cloud.SeedDnsAsync(SplitRuns.AllAtOnce);
        await cloud.Aws.Parameters.PutParameterAsync(dns.Sample.SettingsParameter, SplitRuns.Settings(dns.Sample.BlueGroup, "dns", dns.SettingsSection, SplitRuns.AllAtOnce, healthTimeoutSeconds: healthTimeoutSeconds));
        return new CellApplication(dns.Sample, Dns: dns);
    }

    public async Task<string?> TrafficPathProblemAsync(WorkflowCloud cloud, CellApplication application, AutoScalingGroup live)
    {
        var sample = application.Sample;
        var colors = new Dictionary<string, string> { [sample.TargetGroupArn] = DnsSample.LiveColor, [sample.SpareTargetGroupArn] = DnsSample.IdleColor };
        var own = live.TargetGroupArns.Where(colors.ContainsKey).ToList();
        if (own.Count != 1)
        {
            return $"{live.Name} is behind {own.Count} of the colors' target groups, not exactly one";
        }

        var records = await cloud.Aws.Route53.ListResourceRecordSetsAsync(application.Dns!.HostedZoneId, application.Dns.RecordName);
        var weights = records.Where(r => r.Name == application.Dns.RecordName && r.SetIdentifier is not null)
            .ToDictionary(r => r.SetIdentifier!, r => r.Weight ?? 0);
        var color = colors[own[0]];
        if (weights.GetValueOrDefault(color) <= 0 || weights.Any(w => w.Key != color && w.Value > 0))
        {
            return $"record weights {string.Join(", ", weights.Select(w => $"{w.Key}={w.Value}"))}; live is color {color}";
        }

        return await TargetGroupPath.ProblemAsync(cloud, own[0], live);
    }
}
