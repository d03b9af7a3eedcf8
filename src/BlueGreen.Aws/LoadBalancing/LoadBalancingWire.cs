using System.Xml.Linq;
using BlueGreen.Aws.Internal.Protocols;

namespace BlueGreen.Aws.LoadBalancing;

/// <summary>Our ELBv2 records to and from the Query wire shapes (botocore elbv2 2015-12-01).</summary>
internal static class LoadBalancingWire
{
    public static QueryRequest AddForward(this QueryRequest request, string listName, WeightedForward forward) =>
        request.AddList(listName, [forward], (r, p, f) =>
        {
            r.Add($"{p}.Type", "forward")
                .AddList($"{p}.ForwardConfig.TargetGroups", f.TargetGroups, (t, tp, group) => t
                    .Add($"{tp}.TargetGroupArn", group.TargetGroupArn)
                    .Add($"{tp}.Weight", group.Weight))
                .Add($"{p}.ForwardConfig.TargetGroupStickinessConfig.Enabled", f.StickinessSeconds is not null)
                .Add($"{p}.ForwardConfig.TargetGroupStickinessConfig.DurationSeconds", f.StickinessSeconds);
        });

    public static QueryRequest AddTargets(this QueryRequest request, IEnumerable<Target> targets) =>
        request.AddList("Targets", targets, (r, p, t) => r.Add($"{p}.Id", t.Id).Add($"{p}.Port", t.Port));

    public static LoadBalancer ReadLoadBalancer(XElement lb) => new(
        lb.Required("LoadBalancerArn"),
        lb.Required("LoadBalancerName"),
        lb.Text("DNSName") ?? "",
        lb.Text("CanonicalHostedZoneId"),
        lb.Text("Type") ?? "application",
        lb.Text("Scheme"),
        lb.Child("State")?.Text("Code"),
        lb.Text("VpcId"));

    public static Listener ReadListener(XElement listener) => new(
        listener.Required("ListenerArn"),
        listener.Required("LoadBalancerArn"),
        listener.Int("Port") ?? 0,
        listener.Text("Protocol") ?? "",
        listener.List("DefaultActions").Select(ReadAction).ToList());

    public static ListenerRule ReadRule(XElement rule) => new(
        rule.Required("RuleArn"),
        rule.Text("Priority") ?? "default",
        rule.Bool("IsDefault") ?? false,
        rule.List("Actions").Select(ReadAction).ToList());

    public static TargetGroup ReadTargetGroup(XElement group) => new(
        group.Required("TargetGroupArn"),
        group.Required("TargetGroupName"),
        group.Text("Protocol"),
        group.Int("Port"),
        group.Text("VpcId"),
        group.Text("TargetType") ?? "instance",
        group.Text("HealthCheckPath"),
        group.Strings("LoadBalancerArns"));

    public static TargetHealth ReadTargetHealth(XElement description)
    {
        var target = description.Child("Target");
        var health = description.Child("TargetHealth");
        return new TargetHealth(
            target?.Required("Id") ?? "",
            target?.Int("Port"),
            health?.Text("State") ?? "unavailable",
            health?.Text("Reason"),
            health?.Text("Description"));
    }

    private static ListenerAction ReadAction(XElement action)
    {
        var type = action.Required("Type");
        if (type != "forward")
        {
            return new ListenerAction(type, null);
        }

        var config = action.Child("ForwardConfig");
        var groups = config?.List("TargetGroups")
            .Select(g => new WeightedTargetGroup(g.Required("TargetGroupArn"), g.Int("Weight") ?? 1))
            .ToList();
        if (groups is not { Count: > 0 })
        {
            groups = [new WeightedTargetGroup(action.Required("TargetGroupArn"), 1)];
        }

        var stickiness = config?.Child("TargetGroupStickinessConfig");
        var sticky = stickiness?.Bool("Enabled") == true ? stickiness.Int("DurationSeconds") : null;
        return new ListenerAction(type, new WeightedForward(groups, sticky));
    }
}
