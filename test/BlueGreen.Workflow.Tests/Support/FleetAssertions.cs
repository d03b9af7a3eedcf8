using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using BlueGreen.Local;
using BlueGreen.Local.Sample;

namespace BlueGreen.Workflow.Tests.Support;

/// <summary>What must hold after any ending (DESIGN §4): one live group, attached, lock free.</summary>
internal static class FleetAssertions
{
    /// <summary>Exactly one group of the application carries the live color value; it serves from
    /// the target group with every desired instance InService; the lock is free. Returns its name.</summary>
    public static async Task<string> AssertOneLiveFleetAsync(this WorkflowCloud cloud, SampleApplication sample)
    {
        var groups = await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsByTagsAsync(
            new Dictionary<string, string> { ["bluegreen:application"] = sample.Application, ["bluegreen:color"] = "blue" });
        var adopted = await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]);
        // Blue may still be untagged (adopted through liveGroup) when the deployment never promoted.
        var live = groups.Count > 0 ? groups : adopted.Where(g => g.Tags.All(t => t.Key != "bluegreen:color")).ToList();
        var group = Assert.Single(live);
        Assert.Contains(sample.TargetGroupArn, group.TargetGroupArns);
        Assert.Equal(group.DesiredCapacity, group.Instances.Count(i => i.LifecycleState == "InService"));
        var healthy = (await cloud.Aws.LoadBalancing.DescribeTargetHealthAsync(sample.TargetGroupArn)).Where(t => t.State == "healthy").Select(t => t.TargetId);
        Assert.Superset(group.Instances.Select(i => i.InstanceId).ToHashSet(), healthy.ToHashSet());
        await cloud.AssertLockFreeAsync(sample.Application);
        return group.Name;
    }

    public static async Task AssertLockFreeAsync(this WorkflowCloud cloud, string application)
    {
        var holder = await cloud.LockHolderAsync(application);
        Assert.True(holder is null, $"the lock of {application} is still held by {holder}");
    }

    /// <summary>The execution holding the application's lock, or null when it is free.</summary>
    public static async Task<string?> LockHolderAsync(this WorkflowCloud cloud, string application)
    {
        var item = await cloud.Aws.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = cloud.LockTable,
            Key = new() { ["application"] = new AttributeValue { S = application } },
            ConsistentRead = true,
        });
        return item.Item is { Count: > 0 } found ? found["holder"].S : null;
    }

    /// <summary>The cause of a FAILED execution in its contract shape.</summary>
    public static JsonObject ParsedCause(this ExecutionResult result)
    {
        var cause = JsonNode.Parse(result.Cause!)!.AsObject();
        Assert.True(cause.ContainsKey("message") && cause.ContainsKey("rolledBack") && cause.ContainsKey("liveGroup") && cause.ContainsKey("details"), result.Cause);
        return cause;
    }
}
