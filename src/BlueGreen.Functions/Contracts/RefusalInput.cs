namespace BlueGreen.Functions.Contracts;

/// <summary>What ExplainFailure reads: only the caught failure, since a refused request may not
/// have become a <see cref="Deployment"/> at all (the rest of <c>$</c> is ignored).</summary>
public sealed record RefusalInput(StepFailure? Failure);
