using BlueGreen.Workflow.Tests.Faults.Strategies;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>
/// The fault matrix's fast slice (DESIGN §7, issue 9): per strategy, the two baseline runs the
/// matrix is derived from and one cell per fault kind, each asserting every end-state invariant of
/// DESIGN §4. Cells share the collection's cloud and run one after another.
/// EXPECTED TO FAIL until issue 9's fixes land (blue's template changed under a failed deployment,
/// non-idempotent retries, unnamed errors, adopted blue left untagged): the failure message lists
/// every violated invariant by name. Do not skip or weaken these; fix the product. bench/faults.sh
/// runs the whole matrix.
/// </summary>
[Collection(FaultMatrixCloudCollection.Name)]
[Trait("Category", "FaultMatrixSlice")]
public sealed class FaultMatrixSliceTests(WorkflowCloud cloud)
{
    public static TheoryData<string> Strategies => new(CellStrategies.All.Select(s => s.Name));

    public static TheoryData<string, FaultKind> SliceCells
    {
        get
        {
            var data = new TheoryData<string, FaultKind>();
            foreach (var strategy in CellStrategies.All)
            {
                foreach (var kind in Enum.GetValues<FaultKind>())
                {
                    data.Add(strategy.Name, kind);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task Baseline_CleanDeployment_PromotedAndEveryInvariantHolds(string strategy)
    {
        var plan = await StrategyPlans.ForAsync(cloud, CellStrategies.Named(strategy));

        Assert.True(plan.Clean.End.Promoted, plan.Clean.Describe());
        Assert.True(plan.Clean.Clean, plan.Clean.Describe());
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task Baseline_UnhealthyNewAmi_RolledBackAndEveryInvariantHolds(string strategy)
    {
        var plan = await StrategyPlans.ForAsync(cloud, CellStrategies.Named(strategy));

        Assert.True(plan.RolledBack.End.Error == "GreenUnhealthy", plan.RolledBack.Describe());
        Assert.True(plan.RolledBack.Clean, plan.RolledBack.Describe());
    }

    [Theory]
    [MemberData(nameof(SliceCells))]
    public async Task Cell_OneFaultKind_EveryEndStateInvariantHolds(string strategy, FaultKind kind)
    {
        var plan = await StrategyPlans.ForAsync(cloud, CellStrategies.Named(strategy));
        var cell = plan.SliceCells().Single(c => c.Kind == kind);

        var result = await new FaultCellRunner(cloud).RunAsync(cell);

        Assert.True(result.Clean, result.Describe());
    }
}
