using System.Text.Json.Nodes;
using BlueGreen.Aws.LoadBalancing;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.LoadBalancing;

/// <summary>Our ELBv2 parsers against Query XML generated from botocore's output shapes (see
/// AutoScalingResponseTests): every member on pages joined by NextMarker, or the required ones only.</summary>
public sealed class LoadBalancingResponseTests
{
    private const string LoadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop/1";

    [Fact]
    public async Task DescribeLoadBalancers_EveryMemberOnTwoPages_ReadsEachAndFollowsNextMarker()
    {
        var pages = await WireDocuments.GenerateAsync(WireAsk.Full("elbv2", "DescribeLoadBalancers", lastPage: false), WireAsk.Full("elbv2", "DescribeLoadBalancers"));
        var (clients, requests) = WireDocuments.Answering(pages);
        using var _ = clients;

        var balancers = await clients.LoadBalancing.DescribeLoadBalancersAsync([LoadBalancerArn]);

        Assert.Equal(4, balancers.Count);
        Assert.Contains($"Marker={pages[0].Text("NextMarker")}", requests.Requests[1].Body);
        var doc = pages[0];
        const string p = "LoadBalancers.1";
        Assert.Equal(
            new LoadBalancer(doc.Text($"{p}.LoadBalancerArn"), doc.Text($"{p}.LoadBalancerName"), doc.Text($"{p}.DNSName"), doc.Text($"{p}.CanonicalHostedZoneId"),
                doc.Text($"{p}.Type"), doc.Text($"{p}.Scheme"), doc.Text($"{p}.State.Code"), doc.Text($"{p}.VpcId")),
            balancers[1]);
    }

    [Fact]
    public async Task DescribeLoadBalancers_OnlyIdentity_ReadsDefaultsForTheRest()
    {
        var (clients, _) = WireDocuments.Answering(await WireDocuments.GenerateAsync(
            WireAsk.Sparse("elbv2", "DescribeLoadBalancers", "LoadBalancers", "LoadBalancerArn", "LoadBalancerName")));
        using var _ = clients;

        var balancer = (await clients.LoadBalancing.DescribeLoadBalancersAsync([LoadBalancerArn]))[0];

        Assert.Equal(("", null, "application", null, null, null), (balancer.DnsName, balancer.CanonicalHostedZoneId, balancer.Type, balancer.Scheme, balancer.State, balancer.VpcId));
    }

    [Fact]
    public async Task DescribeListeners_EveryMember_ReadsWeightedForwardAndStickiness()
    {
        var pages = await WireDocuments.GenerateAsync(
            new WireAsk("elbv2", "DescribeListeners", Set: Forward("Listeners.0.DefaultActions.0")) { LastPage = false },
            WireAsk.Full("elbv2", "DescribeListeners"));
        var (clients, requests) = WireDocuments.Answering(pages);
        using var _ = clients;

        var listeners = await clients.LoadBalancing.DescribeListenersAsync(LoadBalancerArn);

        Assert.Equal(4, listeners.Count);
        Assert.Contains($"Marker={pages[0].Text("NextMarker")}", requests.Requests[1].Body);
        var doc = pages[0];
        var listener = listeners[0];
        Assert.Equal((doc.Text("Listeners.0.ListenerArn"), doc.Text("Listeners.0.LoadBalancerArn"), (int)doc["Listeners.0.Port"]!, doc.Text("Listeners.0.Protocol")),
            (listener.Arn, listener.LoadBalancerArn, listener.Port, listener.Protocol));
        AssertForward(doc, "Listeners.0.DefaultActions.0", listener.DefaultActions[0]);
    }

    [Fact]
    public async Task DescribeRules_EveryMemberOrRequiredOnly_ReadsActionsAndDefaults()
    {
        var documents = await WireDocuments.GenerateAsync(
            new WireAsk("elbv2", "DescribeRules", LastPage: true, Set: Forward("Rules.1.Actions.1")),
            WireAsk.Sparse("elbv2", "DescribeRules", "Rules", "RuleArn", "Actions") with
            {
                // A forward action always names its group; the sparse rules fix responses instead.
                Set = new Dictionary<string, JsonNode?>
                {
                    ["Rules.0.Actions.0.Type"] = "fixed-response", ["Rules.0.Actions.1.Type"] = "redirect",
                    ["Rules.1.Actions.0.Type"] = "fixed-response", ["Rules.1.Actions.1.Type"] = "redirect",
                },
            });
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;

        var full = await clients.LoadBalancing.DescribeRulesAsync("listener");
        var sparse = await clients.LoadBalancing.DescribeRulesAsync("listener");

        var doc = documents[0];
        Assert.Equal((doc.Text("Rules.1.RuleArn"), doc.Text("Rules.1.Priority"), true), (full[1].Arn, full[1].Priority, full[1].IsDefault));
        AssertForward(doc, "Rules.1.Actions.1", full[1].Actions[1]);
        Assert.Equal(("default", false), (sparse[0].Priority, sparse[0].IsDefault));
        Assert.Equal(new ListenerAction("fixed-response", null), sparse[0].Actions[0]);
    }

    [Fact]
    public async Task DescribeTargetGroups_EveryMemberOrIdentityOnly_ReadsWhatIsThere()
    {
        var documents = await WireDocuments.GenerateAsync(
            WireAsk.Full("elbv2", "DescribeTargetGroups"),
            WireAsk.Sparse("elbv2", "DescribeTargetGroups", "TargetGroups", "TargetGroupArn", "TargetGroupName"));
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;

        var full = (await clients.LoadBalancing.DescribeTargetGroupsAsync(["tg"]))[1];
        var sparse = (await clients.LoadBalancing.DescribeTargetGroupsAsync(["tg"]))[1];

        var doc = documents[0];
        const string p = "TargetGroups.1";
        Assert.Equal((doc.Text($"{p}.TargetGroupArn"), doc.Text($"{p}.TargetGroupName"), doc.Text($"{p}.Protocol"), (int?)doc[$"{p}.Port"], doc.Text($"{p}.VpcId"), doc.Text($"{p}.TargetType"), doc.Text($"{p}.HealthCheckPath")),
            (full.Arn, full.Name, full.Protocol, full.Port, full.VpcId, full.TargetType, full.HealthCheckPath));
        Assert.Equal([doc.Text($"{p}.LoadBalancerArns.0"), doc.Text($"{p}.LoadBalancerArns.1")], full.LoadBalancerArns);
        Assert.Equal((null, null, null, "instance", null), (sparse.Protocol, sparse.Port, sparse.VpcId, sparse.TargetType, sparse.HealthCheckPath));
        Assert.Empty(sparse.LoadBalancerArns);
    }

    [Fact]
    public async Task DescribeTargetHealth_EveryMemberOrRequiredOnly_ReadsStateOrUnavailable()
    {
        var documents = await WireDocuments.GenerateAsync(
            WireAsk.Full("elbv2", "DescribeTargetHealth"),
            WireAsk.Sparse("elbv2", "DescribeTargetHealth", "TargetHealthDescriptions", "Target"));
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;

        var full = (await clients.LoadBalancing.DescribeTargetHealthAsync("tg"))[1];
        var sparse = (await clients.LoadBalancing.DescribeTargetHealthAsync("tg"))[1];

        var doc = documents[0];
        const string p = "TargetHealthDescriptions.1";
        Assert.Equal(
            new TargetHealth(doc.Text($"{p}.Target.Id"), (int)doc[$"{p}.Target.Port"]!, doc.Text($"{p}.TargetHealth.State"), doc.Text($"{p}.TargetHealth.Reason"), doc.Text($"{p}.TargetHealth.Description")),
            full);
        Assert.Equal(new TargetHealth(documents[1].Text($"{p}.Target.Id"), null, "unavailable", null, null), sparse);
    }

    [Fact]
    public async Task DescribeTargetGroupAttributes_EveryMemberOrKeysOnly_ReadsAMap()
    {
        var documents = await WireDocuments.GenerateAsync(
            WireAsk.Full("elbv2", "DescribeTargetGroupAttributes"),
            WireAsk.Sparse("elbv2", "DescribeTargetGroupAttributes", "Attributes", "Key"));
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;

        var full = await clients.LoadBalancing.DescribeTargetGroupAttributesAsync("tg");
        var sparse = await clients.LoadBalancing.DescribeTargetGroupAttributesAsync("tg");

        Assert.Equal(documents[0].Text("Attributes.1.Value"), full[documents[0].Text("Attributes.1.Key")]);
        Assert.Equal("", sparse[documents[1].Text("Attributes.0.Key")]);
    }

    /// <summary>A forward action as AWS writes it: its type "forward", the weights in ForwardConfig.</summary>
    private static Dictionary<string, JsonNode?> Forward(string action) => new() { [$"{action}.Type"] = "forward" };

    private static void AssertForward(WireDocument doc, string path, ListenerAction action)
    {
        Assert.Equal("forward", action.Type);
        Assert.Equal(
            [
                new WeightedTargetGroup(doc.Text($"{path}.ForwardConfig.TargetGroups.0.TargetGroupArn"), (int)doc[$"{path}.ForwardConfig.TargetGroups.0.Weight"]!),
                new WeightedTargetGroup(doc.Text($"{path}.ForwardConfig.TargetGroups.1.TargetGroupArn"), (int)doc[$"{path}.ForwardConfig.TargetGroups.1.Weight"]!),
            ],
            action.Forward!.TargetGroups);
        Assert.Equal((int)doc[$"{path}.ForwardConfig.TargetGroupStickinessConfig.DurationSeconds"]!, action.Forward.StickinessSeconds);
    }
}
