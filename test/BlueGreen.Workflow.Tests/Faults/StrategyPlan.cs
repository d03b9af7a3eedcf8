using BlueGreen.Workflow.Tests.Faults.Strategies;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>
/// A strategy's cells, derived (not listed by hand) from two baseline runs on the current code: a
/// clean deployment and one rolled back by an unhealthy new AMI. The clean run's journal gives every
/// mutating AWS operation of the workflow (faulted whoever calls it) and its history every function
/// invoked; the rolled-back run's gives RollBack's own writes (faulted only when RollBack calls them,
/// in a deployment made to roll back) and the functions only a rollback invokes. Lists are in
/// ordinal order, deployment before rollback, so the same code gives the same cells.
/// </summary>
public sealed record StrategyPlan(ICellStrategy Strategy, CellResult Clean, CellResult RolledBack)
{
    public const string RollBackFunction = "RollBackFunction";

    public static async Task<StrategyPlan> DeriveAsync(FaultCellRunner runner, ICellStrategy strategy)
    {
        var clean = await runner.RunAsync($"{strategy.Name} | baseline: clean deployment | none", strategy, null, false, null);
        var rolledBack = await runner.RunAsync($"{strategy.Name} | baseline: unhealthy new AMI | none", strategy, null, false,
            (faults, application) => faults.MarkImageUnhealthy(application.Sample.NewImageId));
        return new StrategyPlan(strategy, clean, rolledBack);
    }

    /// <summary>The workflow's writes (any caller), then RollBack's (only RollBack's calls).</summary>
    public IReadOnlyList<FaultTarget> Writes =>
    [
        .. Clean.Writes.Operations,
        .. Ordered(RolledBack.Writes.Writes.Where(w => w.Function == RollBackFunction)
            .Select(w => new FaultTarget(w.Service, w.Operation, RollBackFunction, InRollback: true))),
    ];

    /// <summary>The functions a deployment invokes, then those only a rollback invokes.</summary>
    public IReadOnlyList<FaultTarget> Invokes =>
    [
        .. Clean.InvokedFunctions.Select(f => FaultTarget.Invoke(f)),
        .. RolledBack.InvokedFunctions.Except(Clean.InvokedFunctions, StringComparer.Ordinal).Select(f => FaultTarget.Invoke(f, inRollback: true)),
    ];

    /// <summary>Every cell: each write and each invoke × each fault kind.</summary>
    public IReadOnlyList<FaultCell> AllCells =>
        [.. Writes.Concat(Invokes).SelectMany(target => Enum.GetValues<FaultKind>().Select(kind => new FaultCell(Strategy, target, kind)))];

    /// <summary>The fast slice: one cell per fault kind. Whether the kind hits an AWS write or a
    /// Lambda invoke alternates with the strategy's place in <see cref="CellStrategies.All"/>, so
    /// across strategies each kind meets both; the first kind takes the first deployment call, the
    /// second the middle one, the third the middle one of RollBack's calls.</summary>
    public IReadOnlyList<FaultCell> SliceCells()
    {
        var place = CellStrategies.All.ToList().FindIndex(s => s.Name == Strategy.Name);
        return [.. Enum.GetValues<FaultKind>().Select((kind, k) =>
        {
            var targets = (place + k) % 2 == 0 ? Writes : Invokes;
            var deployment = targets.Where(t => !t.InRollback).ToList();
            var rollback = targets.Where(t => t.InRollback).ToList();
            var target = k switch
            {
                0 => deployment[0],
                1 => deployment[deployment.Count / 2],
                _ => rollback.Count > 0 ? rollback[rollback.Count / 2] : deployment[^1],
            };
            return new FaultCell(Strategy, target, kind);
        })];
    }

    private static IEnumerable<FaultTarget> Ordered(IEnumerable<FaultTarget> targets) =>
        targets.Distinct().OrderBy(t => t.Service, StringComparer.Ordinal).ThenBy(t => t.Operation, StringComparer.Ordinal);
}
