using System.Text;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>The matrix's results as Markdown: per strategy the cells, how many ended clean, cells
/// with violations by fault kind and by invariant; then every cell with its outcome and wall time.</summary>
public static class MatrixReport
{
    public static string Markdown(IReadOnlyList<CellResult> results)
    {
        var kinds = Enum.GetValues<FaultKind>();
        var text = new StringBuilder();
        text.AppendLine("| strategy | cells | clean | fault never reached | " + string.Join(" | ", kinds.Select(k => $"violating: {k}")) + " | " + string.Join(" | ", Invariants.All) + " | mean wall time |");
        text.AppendLine("|" + string.Concat(Enumerable.Repeat(" --- |", 5 + kinds.Length + Invariants.All.Count)));
        foreach (var strategy in results.Select(r => r.Strategy).Distinct())
        {
            AppendRow(text, strategy, results.Where(r => r.Strategy == strategy && r.Kind is not null).ToList(), kinds);
        }

        AppendRow(text, "all", results.Where(r => r.Kind is not null).ToList(), kinds);
        text.AppendLine();
        text.AppendLine("Counts are cells (a cell violating three invariants counts once per invariant). \"Fault never reached\": no call took the fault, so the cell is clean trivially. Baselines (no fault) are listed below, not counted.");
        text.AppendLine();
        // A cell's name is "strategy | call | fault kind": three columns of this table.
        text.AppendLine("| strategy | call | fault | reached | ended | wall time | violated invariants |");
        text.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var result in results)
        {
            var reached = result.FaultReached switch { true => "yes", false => "no", null => "–" };
            text.AppendLine($"| {result.Name} | {reached} | {result.End.Outcome} | {result.WallTime.TotalSeconds:F1} s | {(result.Clean ? "–" : string.Join("; ", result.Violations).Replace("|", "/", StringComparison.Ordinal))} |");
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string strategy, IReadOnlyList<CellResult> cells, FaultKind[] kinds)
    {
        if (cells.Count == 0)
        {
            return;
        }

        var byKind = kinds.Select(k => cells.Count(c => c.Kind == k && !c.Clean));
        var byInvariant = Invariants.All.Select(i => cells.Count(c => c.Violations.Any(v => v.Invariant == i)));
        var mean = cells.Average(c => c.WallTime.TotalSeconds);
        text.AppendLine($"| {strategy} | {cells.Count} | {cells.Count(c => c.Clean)} | {cells.Count(c => c.FaultReached == false)} | {string.Join(" | ", byKind)} | {string.Join(" | ", byInvariant)} | {mean:F1} s |");
    }
}
