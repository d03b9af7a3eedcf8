using BlueGreen.Aws.AutoScaling;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Faults.Strategies;

/// <summary>The pair option over swap: two existing groups take turns (PairSample).</summary>
public sealed class PairCellStrategy : ICellStrategy
{
    public string Name => "pair";

    public async Task<CellApplication> SeedAsync(WorkflowCloud cloud, int healthTimeoutSeconds)
    {
        var pair = await PairSample.SeedAsync(cloud, healthTimeoutSeconds);
        return new CellApplication(pair.Sample, PairIdleGroup: pair.IdleGroup, PairIdleTemplateId: pair.IdleLaunchTemplateId);
    }

    public Task<string?> TrafficPathProblemAsync(WorkflowCloud cloud, CellApplication application, AutoScalingGroup live) =>
        TargetGroupPath.ProblemAsync(cloud, application.Sample.TargetGroupArn, live);
}
