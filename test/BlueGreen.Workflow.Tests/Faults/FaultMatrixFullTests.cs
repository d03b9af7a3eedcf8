using BlueGreen.Workflow.Tests.Faults.Strategies;
using BlueGreen.Workflow.Tests.Support;
using Xunit.Abstractions;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>
/// The whole fault matrix, for bench/faults.sh. Environment:
/// <c>FAULT_MATRIX_STRATEGIES</c> (comma-separated; default all),
/// <c>FAULT_MATRIX_STRIDE</c> (run every n-th cell of each strategy's ordered list, for a
/// representative subset; default 1 = all; a stride not divisible by 3 cycles the fault kinds),
/// <c>FAULT_MATRIX_REPORT</c> (Markdown file rewritten after every cell; default faults.md in the
/// temp directory).
/// </summary>
[Collection(FaultMatrixCloudCollection.Name)]
[Trait("Category", "FaultMatrixFull")]
public sealed class FaultMatrixFullTests(WorkflowCloud cloud, ITestOutputHelper output)
{
    [FullMatrixFact]
    public async Task EveryCell_EveryEndStateInvariantHolds()
    {
        var strategies = (Environment.GetEnvironmentVariable("FAULT_MATRIX_STRATEGIES") is { Length: > 0 } names
            ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(CellStrategies.Named)
            : CellStrategies.All).ToList();
        var stride = int.TryParse(Environment.GetEnvironmentVariable("FAULT_MATRIX_STRIDE"), out var n) && n > 0 ? n : 1;
        var report = Environment.GetEnvironmentVariable("FAULT_MATRIX_REPORT") is { Length: > 0 } path ? path : Path.Combine(Path.GetTempPath(), "faults.md");
        var runner = new FaultCellRunner(cloud);
        var results = new List<CellResult>();

        foreach (var strategy in strategies)
        {
            var plan = await StrategyPlan.DeriveAsync(runner, strategy);
            results.AddRange([plan.Clean, plan.RolledBack]);
            output.WriteLine($"{strategy.Name}: {plan.Writes.Count} writes ({string.Join(", ", plan.Writes)}), {plan.Invokes.Count} functions, {plan.AllCells.Count} cells");
            foreach (var cell in plan.AllCells.Where((_, i) => i % stride == 0))
            {
                var result = await runner.RunAsync(cell);
                results.Add(result);
                output.WriteLine(result.Describe());
                await File.WriteAllTextAsync(report, MatrixReport.Markdown(results));
            }
        }

        var violating = results.Where(r => !r.Clean).ToList();
        Assert.True(violating.Count == 0, $"{violating.Count} of {results.Count} runs violate end-state invariants; table in {report}");
    }
}
