using BlueGreen.Aws.LoadBalancing;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Local.Sample;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>
/// The state ShiftTraffic and RollBack see in a weighted or dns deployment: the traffic fleets of
/// <see cref="TrafficFleets"/> (blue serving through the sample's target group, green in none), the
/// settings switched to the strategy, and $.live as the real DescribeLive reads it (with its
/// trafficPath).
/// </summary>
public static class WeightsFleets
{
    public const string AllAtOnce = """{ "type": "AllAtOnce" }""";

    public const string CanaryTen = """{ "type": "Canary", "percent": 10, "intervalSeconds": 60 }""";

    public static async Task<(SampleApplication Sample, WorkflowState State)> WeightedAsync(FunctionsCloud cloud, string traffic = CanaryTen)
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        return (sample, await ToWeightedAsync(cloud, sample, state, traffic));
    }

    /// <summary>The seeded traffic fleets' state switched to weighted (listener or one of its rules, sample target group + spare).</summary>
    public static Task<WorkflowState> ToWeightedAsync(FunctionsCloud cloud, SampleApplication sample, WorkflowState state, string traffic = CanaryTen, string? ruleArn = null)
    {
        var rule = ruleArn is null ? "null" : $"\"{ruleArn}\"";
        var weighted = $$"""{ "listenerArn": "{{sample.ListenerArn}}", "ruleArn": {{rule}}, "targetGroupArns": ["{{sample.TargetGroupArn}}", "{{sample.SpareTargetGroupArn}}"] }""";
        return SwitchAsync(cloud, sample, state, "weighted", weighted, traffic);
    }

    public static async Task<(DnsSample Dns, WorkflowState State)> DnsAsync(FunctionsCloud cloud, int? cnameTtlSeconds, string traffic = """{ "type": "Linear", "percent": 50, "intervalSeconds": 60 }""")
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        var dns = await DnsSample.SeedAsync(cloud.Aws, sample, cnameTtlSeconds);
        return (dns, await SwitchAsync(cloud, sample, state, "dns", dns.SettingsSection, traffic));
    }

    /// <summary>Green's and blue's weights on the sample's listener now.</summary>
    public static async Task<(int Blue, int Green)> ListenerWeightsAsync(FunctionsCloud cloud, SampleApplication sample)
    {
        var listener = Assert.Single(await cloud.Aws.LoadBalancing.DescribeListenersAsync(sample.LoadBalancerArn));
        var groups = Assert.Single(listener.DefaultActions).Forward!.TargetGroups;
        int Weight(string arn) => groups.FirstOrDefault(g => g.TargetGroupArn == arn)?.Weight ?? 0;
        return (Weight(sample.TargetGroupArn), Weight(sample.SpareTargetGroupArn));
    }

    public static Task SetListenerWeightsAsync(FunctionsCloud cloud, SampleApplication sample, int blue, int green, int? stickinessSeconds = null) =>
        cloud.Aws.LoadBalancing.ModifyListenerAsync(sample.ListenerArn, new WeightedForward(
            [new WeightedTargetGroup(sample.TargetGroupArn, blue), new WeightedTargetGroup(sample.SpareTargetGroupArn, green)], stickinessSeconds));

    /// <summary>A target group in the sample's VPC that the settings do not name.</summary>
    public static async Task<string> CreateTargetGroupAsync(FunctionsCloud cloud, SampleApplication sample, string suffix) =>
        (await cloud.Cloud.Raw.QueryAsync("elasticloadbalancing", "CreateTargetGroup", "2015-12-01",
        [
            new("Name", $"{sample.Application}-{suffix}"), new("Protocol", "HTTP"), new("Port", "80"), new("VpcId", sample.VpcId), new("TargetType", "instance"),
        ])).Descendants().First(e => e.Name.LocalName == "TargetGroupArn").Value;

    /// <summary>A rule of the sample's listener (path /api/*) forwarding to the sample's target group only.</summary>
    public static async Task<string> CreateRuleAsync(FunctionsCloud cloud, SampleApplication sample) =>
        (await cloud.Cloud.Raw.QueryAsync("elasticloadbalancing", "CreateRule", "2015-12-01",
        [
            new("ListenerArn", sample.ListenerArn), new("Priority", "10"),
            new("Conditions.member.1.Field", "path-pattern"), new("Conditions.member.1.Values.member.1", "/api/*"),
            new("Actions.member.1.Type", "forward"), new("Actions.member.1.TargetGroupArn", sample.TargetGroupArn),
        ])).Descendants().First(e => e.Name.LocalName == "RuleArn").Value;

    /// <summary>Weights of the dns sample's records by set identifier.</summary>
    public static async Task<(long Blue, long Green)> RecordWeightsAsync(FunctionsCloud cloud, DnsSample dns)
    {
        var records = await cloud.Aws.Route53.ListResourceRecordSetsAsync(dns.HostedZoneId, dns.RecordName);
        return (records.Single(r => r.SetIdentifier == DnsSample.LiveColor).Weight!.Value, records.Single(r => r.SetIdentifier == DnsSample.IdleColor).Weight!.Value);
    }

    private static async Task<WorkflowState> SwitchAsync(FunctionsCloud cloud, SampleApplication sample, WorkflowState state, string strategy, string section, string traffic)
    {
        await cloud.PutSettingsAsync(sample.Application, $$"""
            { "liveGroup": "{{sample.BlueGroup}}", "strategy": "{{strategy}}", "{{strategy}}": {{section}},
              "traffic": {{traffic}},
              "health": { "minHealthyPercent": 100, "timeoutSeconds": 120, "alarmNames": [], "bakeSeconds": 0 },
              "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": 10 } }
            """);
        var deployment = await WorkflowStates.NormalizeAsync(cloud, sample, state.Deployment.ExecutionName);
        var normalized = state with { Deployment = deployment };
        var live = await HandlerCalls.InvokeAsync(new DescribeLive(cloud.Services), normalized, FunctionJsonContext.Default.LiveFleet);
        return normalized with { Live = live };
    }
}
