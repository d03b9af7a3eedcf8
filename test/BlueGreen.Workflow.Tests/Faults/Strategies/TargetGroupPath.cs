using BlueGreen.Aws.AutoScaling;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Faults.Strategies;

/// <summary>Traffic through one target group: the live group is attached to it and every
/// InService instance of the group is a healthy target.</summary>
internal static class TargetGroupPath
{
    public static async Task<string?> ProblemAsync(WorkflowCloud cloud, string targetGroupArn, AutoScalingGroup live)
    {
        if (!live.TargetGroupArns.Contains(targetGroupArn))
        {
            return $"{live.Name} is not attached to {Short(targetGroupArn)} (attached: {string.Join(", ", live.TargetGroupArns.Select(Short))})";
        }

        var healthy = (await cloud.Aws.LoadBalancing.DescribeTargetHealthAsync(targetGroupArn))
            .Where(t => t.State == "healthy").Select(t => t.TargetId).ToHashSet();
        var missing = live.Instances.Where(i => i.LifecycleState == "InService" && !healthy.Contains(i.InstanceId)).Select(i => i.InstanceId).ToList();
        return missing.Count == 0 ? null : $"instances of {live.Name} not healthy in {Short(targetGroupArn)}: {string.Join(", ", missing)}";
    }

    public static string Short(string arn) => arn[(arn.IndexOf("targetgroup/", StringComparison.Ordinal) + 12)..].Split('/')[0];
}
