using BlueGreen.Aws.AutoScaling;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Faults.Strategies;

/// <summary>weighted (all at once): two target groups on the listener; the live group's has every weight.</summary>
public sealed class WeightedCellStrategy : ICellStrategy
{
    public string Name => "weighted";

    public async Task<CellApplication> SeedAsync(WorkflowCloud cloud, int healthTimeoutSeconds) =>
        new(await cloud.SeedSampleAsync((blue, targetGroup, spare, listener) => SplitRuns.Settings(blue, "weighted",
            $$"""{ "listenerArn": "{{listener}}", "ruleArn": null, "targetGroupArns": ["{{targetGroup}}", "{{spare}}"] }""",
            SplitRuns.AllAtOnce, healthTimeoutSeconds: healthTimeoutSeconds)));

    public async Task<string?> TrafficPathProblemAsync(WorkflowCloud cloud, CellApplication application, AutoScalingGroup live)
    {
        var sample = application.Sample;
        var own = live.TargetGroupArns.Where(t => t == sample.TargetGroupArn || t == sample.SpareTargetGroupArn).ToList();
        if (own.Count != 1)
        {
            return $"{live.Name} is in {own.Count} of the listener's target groups, not exactly one";
        }

        var listener = (await cloud.Aws.LoadBalancing.DescribeListenersAsync(sample.LoadBalancerArn)).Single(l => l.Arn == sample.ListenerArn);
        var forward = listener.DefaultActions.FirstOrDefault(a => a.Forward is not null)?.Forward;
        // No forward config: the listener still has its seeded plain forward to the first target group.
        var weights = forward?.TargetGroups.ToDictionary(t => t.TargetGroupArn, t => t.Weight)
            ?? new Dictionary<string, int> { [sample.TargetGroupArn] = 1 };
        var elsewhere = weights.Where(w => w.Key != own[0] && w.Value > 0).Select(w => $"{TargetGroupPath.Short(w.Key)}={w.Value}").ToList();
        if (weights.GetValueOrDefault(own[0]) <= 0 || elsewhere.Count > 0)
        {
            return $"listener weights {string.Join(", ", weights.Select(w => $"{TargetGroupPath.Short(w.Key)}={w.Value}"))}; live is {TargetGroupPath.Short(own[0])}";
        }

        return await TargetGroupPath.ProblemAsync(cloud, own[0], live);
    }
}
