using BlueGreen.Local.Sample;

namespace BlueGreen.Workflow.Tests.Faults.Strategies;

/// <summary>What one cell deploys to: the sample application, plus the dns records or the pair's
/// idle group when the strategy has them.</summary>
public sealed record CellApplication(SampleApplication Sample, DnsSample? Dns = null, string? PairIdleGroup = null, string? PairIdleTemplateId = null)
{
    /// <summary>Launch templates that existed before the deployment (their versions are counted).</summary>
    public IReadOnlyList<string> SeededTemplateIds =>
        PairIdleTemplateId is null ? [Sample.LaunchTemplateId] : [Sample.LaunchTemplateId, PairIdleTemplateId];
}
