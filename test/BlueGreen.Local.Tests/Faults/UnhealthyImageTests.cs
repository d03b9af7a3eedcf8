using System.Net;
using System.Xml.Linq;
using BlueGreen.Local.Tests.Support;

namespace BlueGreen.Local.Tests.Faults;

[Collection(LocalCloudCollection.Name)]
public sealed class UnhealthyImageTests
{
    private readonly LocalCloud _cloud;
    private readonly Fleet _fleet;

    public UnhealthyImageTests(LocalCloudFixture fixture)
    {
        _cloud = fixture.Cloud;
        _cloud.Faults.Clear();
        _fleet = new Fleet(_cloud.Raw);
    }

    private static Dictionary<string, (string State, string? Reason)> Health(XDocument document) =>
        Fleet.All(document, "member")
            .Where(m => m.Elements().Any(e => e.Name.LocalName == "TargetHealth"))
            .ToDictionary(
                m => Fleet.Child(m.Elements().First(e => e.Name.LocalName == "Target"), "Id")!,
                m =>
                {
                    var health = m.Elements().First(e => e.Name.LocalName == "TargetHealth");
                    return (Fleet.Child(health, "State")!, Fleet.Child(health, "Reason"));
                });

    [Fact]
    public async Task UnhealthyImageOverHttpApi_TargetHealthAndAutoScaling_ReportOnlyThatImageUnhealthy()
    {
        await _fleet.CreateNetworkAsync();
        var images = await _fleet.ImageIdsAsync(2);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var targetGroup = await _fleet.CreateTargetGroupAsync("tg-" + suffix);
        var blue = await _fleet.CreateGroupAsync("blue-" + suffix, images[0], 2, targetGroup);
        var green = await _fleet.CreateGroupAsync("green-" + suffix, images[1], 2, targetGroup);

        using var injected = await _cloud.Raw.ControlAsync(HttpMethod.Post, "/faults/unhealthy-image",
            $$"""{"imageId":"{{images[1]}}"}""");

        Assert.Equal(HttpStatusCode.NoContent, injected.StatusCode);
        var health = Health(await _fleet.Elb("DescribeTargetHealth", ("TargetGroupArn", targetGroup)));
        Assert.All(blue, id => Assert.Equal(("healthy", (string?)null), health[id]));
        Assert.All(green, id => Assert.Equal(("unhealthy", "Target.FailedHealthChecks"), health[id]));

        var explicitTarget = Health(await _fleet.Elb("DescribeTargetHealth", ("TargetGroupArn", targetGroup), ("Targets.member.1.Id", green[0])));
        Assert.Equal("unhealthy", explicitTarget[green[0]].State);

        var groups = await _fleet.AutoScaling("DescribeAutoScalingGroups", ("AutoScalingGroupNames.member.1", "green-" + suffix));
        Assert.All(Fleet.All(groups, "HealthStatus"), status => Assert.Equal("Unhealthy", status.Value));
        var instances = await _fleet.AutoScaling("DescribeAutoScalingInstances", ("InstanceIds.member.1", blue[0]), ("InstanceIds.member.2", green[0]));
        var statuses = Fleet.All(instances, "member").ToDictionary(m => Fleet.Child(m, "InstanceId")!, m => Fleet.Child(m, "HealthStatus"));
        Assert.Equal("HEALTHY", statuses[blue[0]], ignoreCase: true); // moto says "Healthy", AWS "HEALTHY"
        Assert.Equal("UNHEALTHY", statuses[green[0]]);

        var status = await _fleet.Ec2("DescribeInstanceStatus", ("InstanceId.1", blue[0]), ("InstanceId.2", green[0]));
        var instanceStatus = Fleet.All(status, "item")
            .Where(i => Fleet.Child(i, "instanceId") is not null)
            .ToDictionary(i => Fleet.Child(i, "instanceId")!, i => Fleet.Child(i.Elements().First(e => e.Name.LocalName == "instanceStatus"), "status"));
        Assert.Equal("ok", instanceStatus[blue[0]]);
        Assert.Equal("impaired", instanceStatus[green[0]]);

        _cloud.Faults.Clear();
        var healed = Health(await _fleet.Elb("DescribeTargetHealth", ("TargetGroupArn", targetGroup)));
        Assert.All(green, id => Assert.Equal("healthy", healed[id].State));
    }
}
