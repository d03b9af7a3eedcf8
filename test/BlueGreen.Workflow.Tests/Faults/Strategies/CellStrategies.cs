namespace BlueGreen.Workflow.Tests.Faults.Strategies;

/// <summary>Every strategy the matrix covers, by name, in a fixed order.</summary>
public static class CellStrategies
{
    public static IReadOnlyList<ICellStrategy> All { get; } =
        [new SwapCellStrategy(), new WeightedCellStrategy(), new DnsCellStrategy(), new InGroupCellStrategy(), new PairCellStrategy()];

    public static ICellStrategy Named(string name) =>
        All.SingleOrDefault(s => s.Name == name) ?? throw new ArgumentException($"no strategy {name} (known: {string.Join(", ", All.Select(s => s.Name))})");
}
