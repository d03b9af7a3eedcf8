using BlueGreen.Workflow.Tests.Faults.Strategies;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>
/// A strategy's cells, derived (not listed by hand) from two baseline runs on today's code: a clean
/// deployment and one rolled back by an unhealthy new AMI. Their journals give every mutating AWS
/// operation the workflow and RollBack make; their histories every function invoked. Both lists are
/// in ordinal order, so the cells come out the same on every run of the same code.
/// </summary>
public sealed record StrategyPlan(ICellStrategy Strategy, CellResult Clean, CellResult RolledBack)
{
    public static async Task<StrategyPlan> DeriveAsync(FaultCellRunner runner, ICellStrategy strategy)
    {
        var clean = await runner.RunAsync($"{strategy.Name} | baseline: clean deployment | none", strategy, null, false, null);
        var rolledBack = await runner.RunAsync($"{strategy.Name} | baseline: unhealthy new AMI | none", strategy, null, false,
            (faults, application) => faults.MarkImageUnhealthy(application.Sample.NewImageId));
        return new StrategyPlan(strategy, clean, rolledBack);
    }

    public IReadOnlyList<FaultTarget> Writes =>
        Clean.Writes.Operations.Concat(RolledBack.Writes.Operations).Distinct()
            .OrderBy(t => t.Service, StringComparer.Ordinal).ThenBy(t => t.Operation, StringComparer.Ordinal).ToList();

    public IReadOnlyList<FaultTarget> Invokes =>
        Clean.InvokedFunctions.Concat(RolledBack.InvokedFunctions).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select(FaultTarget.Invoke).ToList();

    /// <summary>Every cell: each write and each invoke × each fault kind.</summary>
    public IReadOnlyList<FaultCell> AllCells =>
        [.. Writes.Concat(Invokes).SelectMany(target => Enum.GetValues<FaultKind>().Select(kind => new FaultCell(Strategy, target, kind)))];

    /// <summary>The fast slice: one cell per fault kind. Whether the kind hits an AWS write or a
    /// Lambda invoke alternates with the strategy's place in <see cref="CellStrategies.All"/>, so
    /// across strategies each kind meets both; which write or function is taken spreads over the
    /// ordered lists (first, middle, last third) so the slice is not all ProvisionGreen.</summary>
    public IReadOnlyList<FaultCell> SliceCells()
    {
        var place = CellStrategies.All.ToList().FindIndex(s => s.Name == Strategy.Name);
        return [.. Enum.GetValues<FaultKind>().Select((kind, k) =>
        {
            var targets = (place + k) % 2 == 0 ? Writes : Invokes;
            return new FaultCell(Strategy, targets[k * targets.Count / 3], kind);
        })];
    }
}
