namespace BlueGreen.Aws.LoadBalancing;

/// <summary>The Elastic Load Balancing v2 calls BlueGreen makes: read the traffic path, shift weights, move targets.</summary>
public interface ILoadBalancing
{
    Task<IReadOnlyList<LoadBalancer>> DescribeLoadBalancersAsync(IReadOnlyCollection<string> arns, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Listener>> DescribeListenersAsync(string loadBalancerArn, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ListenerRule>> DescribeRulesAsync(string listenerArn, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TargetGroup>> DescribeTargetGroupsAsync(IReadOnlyCollection<string> arns, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TargetHealth>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken = default);

    /// <summary>Attributes such as "deregistration_delay.timeout_seconds", by key.</summary>
    Task<IReadOnlyDictionary<string, string>> DescribeTargetGroupAttributesAsync(string targetGroupArn, CancellationToken cancellationToken = default);

    /// <summary>An instance target group (the local sample and tests make them; deployments only read them).</summary>
    Task<TargetGroup> CreateTargetGroupAsync(NewTargetGroup group, CancellationToken cancellationToken = default);

    /// <summary>An internet-facing application load balancer in these subnets (two or more, in different zones).</summary>
    Task<LoadBalancer> CreateLoadBalancerAsync(string name, IReadOnlyList<string> subnetIds, CancellationToken cancellationToken = default);

    /// <summary>A listener whose default action forwards everything to one target group.</summary>
    /// <returns>The listener's ARN.</returns>
    Task<string> CreateListenerAsync(string loadBalancerArn, string protocol, int port, string targetGroupArn, CancellationToken cancellationToken = default);

    /// <summary>Makes the weighted forward the listener's only default action.</summary>
    Task ModifyListenerAsync(string listenerArn, WeightedForward forward, CancellationToken cancellationToken = default);

    /// <summary>Makes the weighted forward the rule's only action.</summary>
    Task ModifyRuleAsync(string ruleArn, WeightedForward forward, CancellationToken cancellationToken = default);

    Task RegisterTargetsAsync(string targetGroupArn, IReadOnlyCollection<Target> targets, CancellationToken cancellationToken = default);

    /// <summary>Ensures the targets are not registered: targets already deregistered or gone
    /// (InvalidTarget), or a target group that no longer exists, count as done.</summary>
    Task DeregisterTargetsAsync(string targetGroupArn, IReadOnlyCollection<Target> targets, CancellationToken cancellationToken = default);
}
