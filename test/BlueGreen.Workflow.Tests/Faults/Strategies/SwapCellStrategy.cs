using BlueGreen.Aws.AutoScaling;
using BlueGreen.Local.Sample;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Faults.Strategies;

/// <summary>swap: green joins blue's target group, blue leaves it. Blue references its launch
/// spec as <paramref name="blueLaunchSpec"/> says.</summary>
public sealed class SwapCellStrategy(BlueLaunchSpec blueLaunchSpec = BlueLaunchSpec.LatestVersion) : ICellStrategy
{
    public string Name => "swap";

    public async Task<CellApplication> SeedAsync(WorkflowCloud cloud, int healthTimeoutSeconds) =>
        new(await cloud.SeedSampleAsync((blue, targetGroup, _, _) => $$"""
            { "liveGroup": "{{blue}}", "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"],
              "health": { "timeoutSeconds": {{healthTimeoutSeconds}} },
              "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": 1 } }
            """, blueLaunchSpec));

    public Task<string?> TrafficPathProblemAsync(WorkflowCloud cloud, CellApplication application, AutoScalingGroup live) =>
        TargetGroupPath.ProblemAsync(cloud, application.Sample.TargetGroupArn, live);
}
