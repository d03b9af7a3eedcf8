using System.Text.Json.Serialization;
using BlueGreen.Core.Settings;

namespace BlueGreen.Core.Outputs;

/// <summary>
/// Output of a successful execution (DESIGN §4). <see cref="RetiredGroup"/> is blue's name,
/// whatever <c>blueAfterCutover.action</c> did to it; null only for the in-group strategy.
/// </summary>
public sealed record DeploymentOutcome(
    string DeploymentId,
    string Application,
    string ImageId,
    string LiveGroup,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? RetiredGroup,
    DeploymentStrategy Strategy,
    IReadOnlyList<StepTiming> Steps)
{
    public const string Promoted = "Promoted";

    /// <summary>Always <c>"Promoted"</c>: failures end FAILED with a <see cref="FailureCause"/>.</summary>
    public string Outcome { get; init; } = Promoted;

    /// <summary>What did not work after the point of no return (blue retired or being retired), in
    /// words with what to do; absent when everything did. Green is live either way.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }
}
