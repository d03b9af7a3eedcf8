using BlueGreen.Aws.Errors;
using BlueGreen.Aws.LoadBalancing;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.LoadBalancing;

[Collection(MotoCollection.Name)]
public sealed class LoadBalancingClientTests(MotoFixture moto)
{
    private readonly ILoadBalancing _elb = moto.Clients.LoadBalancing;

    [Fact]
    public async Task DescribeLoadBalancers_ByArn_ReturnsDnsNameAndType()
    {
        // Arrange
        var path = await moto.CreateTrafficPathAsync();

        // Act
        var loadBalancers = await _elb.DescribeLoadBalancersAsync([path.LoadBalancerArn]);

        // Assert
        var lb = Assert.Single(loadBalancers);
        Assert.Equal(path.DnsName, lb.DnsName);
        Assert.Equal(("application", moto.DefaultVpcId), (lb.Type, lb.VpcId));
        Assert.False(string.IsNullOrEmpty(lb.CanonicalHostedZoneId));
    }

    [Fact]
    public async Task DescribeListeners_PlainForward_ReadsAsOneGroupWithWeightOne()
    {
        // Arrange
        var path = await moto.CreateTrafficPathAsync();

        // Act
        var listener = Assert.Single(await _elb.DescribeListenersAsync(path.LoadBalancerArn));

        // Assert
        Assert.Equal((path.ListenerArn, 80, "HTTP"), (listener.Arn, listener.Port, listener.Protocol));
        var action = Assert.Single(listener.DefaultActions);
        Assert.Equal([new WeightedTargetGroup(path.BlueTargetGroupArn, 1)], action.Forward?.TargetGroups);
    }

    [Fact]
    public async Task ModifyListener_WeightedForward_IsDescribedWithWeightsAndStickiness()
    {
        // Arrange
        var path = await moto.CreateTrafficPathAsync();
        var forward = new WeightedForward(
            [new WeightedTargetGroup(path.BlueTargetGroupArn, 90), new WeightedTargetGroup(path.GreenTargetGroupArn, 10)],
            StickinessSeconds: 300);

        // Act
        await _elb.ModifyListenerAsync(path.ListenerArn, forward);

        // Assert
        var listener = Assert.Single(await _elb.DescribeListenersAsync(path.LoadBalancerArn));
        var described = Assert.Single(listener.DefaultActions).Forward;
        Assert.Equal(forward.TargetGroups, described?.TargetGroups);
        Assert.Equal(300, described?.StickinessSeconds);
    }

    [Fact]
    public async Task ModifyRule_WeightedForward_IsDescribedOnTheRule()
    {
        // Arrange
        var path = await moto.CreateTrafficPathAsync();
        var forward = new WeightedForward([new WeightedTargetGroup(path.BlueTargetGroupArn, 0), new WeightedTargetGroup(path.GreenTargetGroupArn, 100)]);

        // Act
        await _elb.ModifyRuleAsync(path.RuleArn, forward);

        // Assert
        var rules = await _elb.DescribeRulesAsync(path.ListenerArn);
        var rule = Assert.Single(rules, r => r.Arn == path.RuleArn);
        Assert.Equal("10", rule.Priority);
        Assert.False(rule.IsDefault);
        Assert.Equal(forward.TargetGroups, Assert.Single(rule.Actions).Forward?.TargetGroups);
        Assert.Null(rule.Actions[0].Forward?.StickinessSeconds);
        Assert.Contains(rules, r => r.IsDefault);
    }

    [Fact]
    public async Task DescribeTargetGroups_ByArns_ReturnsSettingsAndLoadBalancer()
    {
        // Arrange
        var path = await moto.CreateTrafficPathAsync();

        // Act
        var groups = await _elb.DescribeTargetGroupsAsync([path.BlueTargetGroupArn, path.GreenTargetGroupArn]);

        // Assert
        Assert.Equal(2, groups.Count);
        var blue = Assert.Single(groups, g => g.Arn == path.BlueTargetGroupArn);
        Assert.Equal(("HTTP", 80, "instance", "/health"), (blue.Protocol, blue.Port, blue.TargetType, blue.HealthCheckPath));
        Assert.Equal([path.LoadBalancerArn], blue.LoadBalancerArns.Distinct()); // moto lists it once per listener and rule
    }

    [Fact]
    public async Task DescribeTargetGroupAttributes_NewGroup_IncludesDeregistrationDelay()
    {
        // Arrange
        var arn = await moto.CreateTargetGroupAsync();

        // Act
        var attributes = await _elb.DescribeTargetGroupAttributesAsync(arn);

        // Assert
        Assert.Equal("300", attributes["deregistration_delay.timeout_seconds"]);
    }

    [Fact]
    public async Task RegisterTargetsThenDeregisterTargets_TwoInstances_HealthListsThemThenNot()
    {
        // Arrange
        var arn = await moto.CreateTargetGroupAsync();
        var instances = await moto.RunInstancesAsync(2);

        // Act
        await _elb.RegisterTargetsAsync(arn, instances.Select(i => new Target(i)).ToList());
        var registered = await _elb.DescribeTargetHealthAsync(arn);
        await _elb.DeregisterTargetsAsync(arn, [new Target(instances[0])]);
        var afterDeregister = await _elb.DescribeTargetHealthAsync(arn);

        // Assert
        Assert.Equal(instances.Order(), registered.Select(t => t.TargetId).Order());
        Assert.All(registered, t => Assert.Equal(80, t.Port));
        Assert.DoesNotContain(afterDeregister, t => t.TargetId == instances[0] && t.State != "draining");
        Assert.Contains(afterDeregister, t => t.TargetId == instances[1]);
    }

    [Fact]
    public async Task DeregisterTargets_SomeAlreadyDeregistered_RestDeregisteredNoError()
    {
        // Arrange: one target was deregistered by an attempt whose answer was lost; the service
        // refuses a call naming it (InvalidTarget) and would leave the other one registered.
        var arn = await moto.CreateTargetGroupAsync();
        var instances = await moto.RunInstancesAsync(2);
        await _elb.RegisterTargetsAsync(arn, instances.Select(i => new Target(i)).ToList());
        await _elb.DeregisterTargetsAsync(arn, [new Target(instances[0])]);

        // Act
        await _elb.DeregisterTargetsAsync(arn, instances.Select(i => new Target(i)).ToList());

        // Assert
        Assert.DoesNotContain(await _elb.DescribeTargetHealthAsync(arn), t => instances.Contains(t.TargetId) && t.State != "draining");
    }

    [Fact]
    public async Task DescribeTargetHealth_MissingTargetGroup_ThrowsNotFound()
    {
        // Arrange
        var missing = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/missing/0123456789abcdef";

        // Act
        var error = await Assert.ThrowsAsync<AwsNotFoundException>(() => _elb.DescribeTargetHealthAsync(missing));

        // Assert
        Assert.Equal(("ElasticLoadBalancingV2", "DescribeTargetHealth", "TargetGroupNotFound"), (error.Service, error.Operation, error.Code));
        Assert.Equal(400, (int)error.StatusCode);
    }
}
