using System.Xml.Linq;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;
using BlueGreen.Aws.Internal.Protocols;

namespace BlueGreen.Aws.LoadBalancing;

/// <summary>Elastic Load Balancing v2 over the Query protocol (2015-12-01).</summary>
internal sealed class LoadBalancingClient(QueryProtocol query) : ILoadBalancing
{
    public static readonly AwsService Service = new(
        "ElasticLoadBalancingV2",
        "ELASTIC_LOAD_BALANCING_V2",
        "elasticloadbalancing",
        "elasticloadbalancing",
        new Dictionary<string, ErrorKind>
        {
            ["LoadBalancerNotFound"] = ErrorKind.NotFound,
            ["ListenerNotFound"] = ErrorKind.NotFound,
            ["RuleNotFound"] = ErrorKind.NotFound,
            ["TargetGroupNotFound"] = ErrorKind.NotFound,
            ["ResourceNotFound"] = ErrorKind.NotFound,
            ["DuplicateLoadBalancerName"] = ErrorKind.AlreadyExists,
            ["DuplicateTargetGroupName"] = ErrorKind.AlreadyExists,
            ["DuplicateListener"] = ErrorKind.AlreadyExists,
            ["InvalidTarget"] = ErrorKind.Validation,
            ["InvalidConfigurationRequest"] = ErrorKind.Validation,
            ["InvalidLoadBalancerAction"] = ErrorKind.Validation,
        });

    public const string Version = "2015-12-01";

    // ELBv2 accepts at most 20 ARNs per describe call.
    private const int ArnsPerCall = 20;

    public Task<IReadOnlyList<LoadBalancer>> DescribeLoadBalancersAsync(IReadOnlyCollection<string> arns, CancellationToken cancellationToken = default) =>
        ByChunksAsync(arns, chunk => PagesAsync(
            "DescribeLoadBalancers", r => r.AddList("LoadBalancerArns", chunk), "LoadBalancers", LoadBalancingWire.ReadLoadBalancer, cancellationToken));

    public Task<IReadOnlyList<Listener>> DescribeListenersAsync(string loadBalancerArn, CancellationToken cancellationToken = default) =>
        PagesAsync("DescribeListeners", r => r.Add("LoadBalancerArn", loadBalancerArn), "Listeners", LoadBalancingWire.ReadListener, cancellationToken);

    public Task<IReadOnlyList<ListenerRule>> DescribeRulesAsync(string listenerArn, CancellationToken cancellationToken = default) =>
        PagesAsync("DescribeRules", r => r.Add("ListenerArn", listenerArn), "Rules", LoadBalancingWire.ReadRule, cancellationToken);

    public Task<IReadOnlyList<TargetGroup>> DescribeTargetGroupsAsync(IReadOnlyCollection<string> arns, CancellationToken cancellationToken = default) =>
        ByChunksAsync(arns, chunk => PagesAsync(
            "DescribeTargetGroups", r => r.AddList("TargetGroupArns", chunk), "TargetGroups", LoadBalancingWire.ReadTargetGroup, cancellationToken));

    public async Task<IReadOnlyList<TargetHealth>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken = default)
    {
        var result = await query.SendAsync(new QueryRequest("DescribeTargetHealth").Add("TargetGroupArn", targetGroupArn), cancellationToken);
        return result.List("TargetHealthDescriptions").Select(LoadBalancingWire.ReadTargetHealth).ToList();
    }

    public async Task<IReadOnlyDictionary<string, string>> DescribeTargetGroupAttributesAsync(string targetGroupArn, CancellationToken cancellationToken = default)
    {
        var result = await query.SendAsync(new QueryRequest("DescribeTargetGroupAttributes").Add("TargetGroupArn", targetGroupArn), cancellationToken);
        return result.List("Attributes").ToDictionary(a => a.Required("Key"), a => a.Text("Value") ?? "");
    }

    public async Task<TargetGroup> CreateTargetGroupAsync(NewTargetGroup group, CancellationToken cancellationToken = default)
    {
        var result = await query.SendAsync(
            new QueryRequest("CreateTargetGroup")
                .Add("Name", group.Name)
                .Add("Protocol", group.Protocol)
                .Add("Port", group.Port)
                .Add("VpcId", group.VpcId)
                .Add("TargetType", "instance")
                .Add("HealthCheckPath", group.HealthCheckPath)
                .Add("HealthCheckIntervalSeconds", group.HealthCheckIntervalSeconds),
            cancellationToken);
        return LoadBalancingWire.ReadTargetGroup(result.List("TargetGroups").Single());
    }

    public async Task<LoadBalancer> CreateLoadBalancerAsync(string name, IReadOnlyList<string> subnetIds, CancellationToken cancellationToken = default)
    {
        var result = await query.SendAsync(
            new QueryRequest("CreateLoadBalancer")
                .Add("Name", name)
                .AddList("Subnets", subnetIds)
                .Add("Type", "application")
                .Add("Scheme", "internet-facing"),
            cancellationToken);
        return LoadBalancingWire.ReadLoadBalancer(result.List("LoadBalancers").Single());
    }

    public async Task<string> CreateListenerAsync(string loadBalancerArn, string protocol, int port, string targetGroupArn, CancellationToken cancellationToken = default)
    {
        var result = await query.SendAsync(
            new QueryRequest("CreateListener")
                .Add("LoadBalancerArn", loadBalancerArn)
                .Add("Protocol", protocol)
                .Add("Port", port)
                .AddList("DefaultActions", [targetGroupArn], (r, p, arn) => r.Add($"{p}.Type", "forward").Add($"{p}.TargetGroupArn", arn)),
            cancellationToken);
        return result.List("Listeners").Single().Required("ListenerArn");
    }

    public Task ModifyListenerAsync(string listenerArn, WeightedForward forward, CancellationToken cancellationToken = default) =>
        query.SendAsync(new QueryRequest("ModifyListener").Add("ListenerArn", listenerArn).AddForward("DefaultActions", forward), cancellationToken);

    public Task ModifyRuleAsync(string ruleArn, WeightedForward forward, CancellationToken cancellationToken = default) =>
        query.SendAsync(new QueryRequest("ModifyRule").Add("RuleArn", ruleArn).AddForward("Actions", forward), cancellationToken);

    public Task RegisterTargetsAsync(string targetGroupArn, IReadOnlyCollection<Target> targets, CancellationToken cancellationToken = default) =>
        query.SendAsync(new QueryRequest("RegisterTargets").Add("TargetGroupArn", targetGroupArn).AddTargets(targets), cancellationToken);

    public Task DeregisterTargetsAsync(string targetGroupArn, IReadOnlyCollection<Target> targets, CancellationToken cancellationToken = default) =>
        EnsureGone.RunAsync(async () =>
        {
            try
            {
                await DeregisterAsync(targetGroupArn, targets, cancellationToken);
            }
            catch (AwsValidationException invalid) when (invalid.Code == "InvalidTarget" && targets.Count > 1)
            {
                // One target is gone (or no longer registered) and the whole call was refused:
                // the others may still be registered, so take them one by one.
                foreach (var target in targets)
                {
                    await DeregisterAsync(targetGroupArn, [target], cancellationToken);
                }
            }
        });

    /// <summary>InvalidTarget for a single target: it is not registered (any more), which is the goal.</summary>
    private async Task DeregisterAsync(string targetGroupArn, IReadOnlyCollection<Target> targets, CancellationToken cancellationToken)
    {
        try
        {
            await query.SendAsync(new QueryRequest("DeregisterTargets").Add("TargetGroupArn", targetGroupArn).AddTargets(targets), cancellationToken);
        }
        catch (AwsValidationException invalid) when (invalid.Code == "InvalidTarget" && targets.Count == 1)
        {
            // Not registered, terminated, or never existed: deregistered either way.
        }
    }

    /// <summary>Splits an ARN list into calls of at most <see cref="ArnsPerCall"/>; an empty list
    /// is one call, which ELBv2 answers with every resource.</summary>
    private static async Task<IReadOnlyList<T>> ByChunksAsync<T>(IReadOnlyCollection<string> arns, Func<string[], Task<IReadOnlyList<T>>> describe)
    {
        var items = new List<T>();
        foreach (var chunk in arns.Count == 0 ? [[]] : arns.Chunk(ArnsPerCall))
        {
            items.AddRange(await describe(chunk));
        }

        return items;
    }

    /// <summary>Follows NextMarker until the last page.</summary>
    private async Task<IReadOnlyList<T>> PagesAsync<T>(
        string action, Action<QueryRequest> select, string listName, Func<XElement, T> read, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? marker = null;
        do
        {
            var request = new QueryRequest(action);
            select(request);
            var result = await query.SendAsync(request.Add("Marker", marker), cancellationToken);
            items.AddRange(result.List(listName).Select(read));
            marker = result.Text("NextMarker");
        }
        while (!string.IsNullOrEmpty(marker));

        return items;
    }
}
