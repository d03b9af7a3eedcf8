using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Core.Outputs;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Normalization;

/// <summary>What NormalizeRequest hands the ASL at <c>$.deployment</c>; each case is told apart by
/// one property the ASL's RouteInput Choice tests.</summary>
public abstract record NormalizedInput
{
    private NormalizedInput()
    {
    }

    public abstract JsonNode ToJson();

    public sealed record ToDeploy(Deployment Deployment) : NormalizedInput
    {
        public override JsonNode ToJson() => JsonSerializer.SerializeToNode(Deployment, FunctionJsonContext.Default.Deployment)!;
    }

    /// <summary><c>awaitingImageTag</c>: wait, then run NormalizeRequest again with this as input.</summary>
    public sealed record LookAgain(ImageTagAwaited Awaited) : NormalizedInput
    {
        public override JsonNode ToJson() => JsonSerializer.SerializeToNode(Awaited, FunctionJsonContext.Default.ImageTagAwaited)!;
    }

    /// <summary><c>ignored</c>: end SUCCEEDED with the outcome.</summary>
    public sealed record Ignored(IgnoredOutcome Outcome) : NormalizedInput
    {
        public override JsonNode ToJson() => JsonSerializer.SerializeToNode(new IgnoredTrigger(Outcome), FunctionJsonContext.Default.IgnoredTrigger)!;
    }
}
