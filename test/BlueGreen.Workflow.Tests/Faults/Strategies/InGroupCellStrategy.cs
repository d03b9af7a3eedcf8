using BlueGreen.Aws.AutoScaling;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Faults.Strategies;

/// <summary>in-group: one group, new instances in, old ones out, behind the same target group.</summary>
public sealed class InGroupCellStrategy : ICellStrategy
{
    public string Name => "in-group";

    public async Task<CellApplication> SeedAsync(WorkflowCloud cloud, int healthTimeoutSeconds) =>
        new(await cloud.SeedSampleAsync((blue, targetGroup, _, _) => $$"""
            { "liveGroup": "{{blue}}", "strategy": "in-group", "targetGroupArns": ["{{targetGroup}}"],
              "health": { "timeoutSeconds": {{healthTimeoutSeconds}} },
              "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": 1 } }
            """));

    public Task<string?> TrafficPathProblemAsync(WorkflowCloud cloud, CellApplication application, AutoScalingGroup live) =>
        TargetGroupPath.ProblemAsync(cloud, application.Sample.TargetGroupArn, live);
}
