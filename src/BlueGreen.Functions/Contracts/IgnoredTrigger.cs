using BlueGreen.Core.Outputs;

namespace BlueGreen.Functions.Contracts;

/// <summary>What NormalizeRequest (at <c>$.deployment</c>) or AcquireLock (at <c>$.lock</c>)
/// returns when an image event deploys nothing; the ASL ends SUCCEEDED with <see cref="Ignored"/>
/// as the output.</summary>
public sealed record IgnoredTrigger(IgnoredOutcome Ignored);
