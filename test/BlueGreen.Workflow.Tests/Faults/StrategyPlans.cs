using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using BlueGreen.Workflow.Tests.Faults.Strategies;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>Each strategy's plan derived once per cloud, shared by the slice's tests (the two
/// baseline runs are its most expensive part).</summary>
internal static class StrategyPlans
{
    private static readonly ConditionalWeakTable<WorkflowCloud, ConcurrentDictionary<string, Task<StrategyPlan>>> Plans = new();

    public static Task<StrategyPlan> ForAsync(WorkflowCloud cloud, ICellStrategy strategy) =>
        Plans.GetOrCreateValue(cloud).GetOrAdd(strategy.Name, _ => StrategyPlan.DeriveAsync(new FaultCellRunner(cloud), strategy));
}
