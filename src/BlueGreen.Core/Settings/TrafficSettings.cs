namespace BlueGreen.Core.Settings;

/// <summary>
/// Traffic shifting. <see cref="Percent"/> and <see cref="IntervalSeconds"/> are set for Canary and
/// Linear and null for AllAtOnce. Limits: <c>schemas/settings.schema.json</c> (<c>$defs/traffic</c>),
/// and a Canary below 100 % (100 would be AllAtOnce).
/// </summary>
public sealed record TrafficSettings(TrafficType Type, int? Percent = null, int? IntervalSeconds = null)
{
    public const int DefaultIntervalSeconds = 60;
    /// <summary>The schema's <c>intervalSeconds</c> maximum, as a constant for the CLI's own checks
    /// (a test keeps the two equal).</summary>
    public const int MaxIntervalSeconds = 86_400;

    public static TrafficSettings AllAtOnce { get; } = new(TrafficType.AllAtOnce);

    public static TrafficSettings Canary(int percent, int intervalSeconds = DefaultIntervalSeconds) =>
        new(TrafficType.Canary, percent, intervalSeconds);

    public static TrafficSettings Linear(int percent, int intervalSeconds = DefaultIntervalSeconds) =>
        new(TrafficType.Linear, percent, intervalSeconds);
}
