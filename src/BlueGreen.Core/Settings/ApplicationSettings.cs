namespace BlueGreen.Core.Settings;

/// <summary>
/// One application's settings, the JSON in SSM parameter <c>/bluegreen/applications/&lt;app&gt;</c>
/// (DESIGN §4). Defaults are those of the design's example. Load with
/// <see cref="SettingsParser.Parse"/>; apply per-execution overrides with
/// <see cref="EffectiveSettings.Merge"/>.
/// </summary>
public sealed record ApplicationSettings
{
    /// <summary>Group adopted as blue only while no group of the application is tagged live.</summary>
    public string? LiveGroup { get; init; }

    public DeploymentStrategy Strategy { get; init; } = DeploymentStrategy.Swap;

    /// <summary>Target groups for <c>swap</c> and <c>in-group</c>.</summary>
    public IReadOnlyList<string> TargetGroupArns { get; init; } = [];

    public WeightedSettings? Weighted { get; init; }

    public DnsSettings? Dns { get; init; }

    /// <summary>Two existing groups that take turns being green (null: green is a new group).</summary>
    public PairSettings? Pair { get; init; }

    public TrafficSettings Traffic { get; init; } = TrafficSettings.AllAtOnce;

    public HealthSettings Health { get; init; } = HealthSettings.Default;

    public CodeDeploySettings? CodeDeploy { get; init; }

    public ColorTag ColorTag { get; init; } = ColorTag.Default;

    public BlueAfterCutover BlueAfterCutover { get; init; } = BlueAfterCutover.Default;

    public ApprovalSettings Approval { get; init; } = ApprovalSettings.Default;

    /// <summary><c>self</c>, <c>amazon</c>, <c>aws-marketplace</c> or 12-digit account ids.</summary>
    public IReadOnlyList<string> AllowedImageOwners { get; init; } = ["self"];

    public string? NotificationTopicArn { get; init; }

    /// <summary>The SSM parameter that holds an application's settings.</summary>
    public static string ParameterName(string application) => $"/bluegreen/applications/{application}";
}
