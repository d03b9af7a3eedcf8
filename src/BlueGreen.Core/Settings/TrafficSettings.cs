namespace BlueGreen.Core.Settings;

/// <summary>
/// Traffic shifting. <see cref="Percent"/> and <see cref="IntervalSeconds"/> are set for Canary and
/// Linear and null for AllAtOnce. Bounds: Canary 1–99 % (100 would be AllAtOnce), Linear 1–100 %,
/// interval 0–86400 s (default 60; a day is longer than anyone watches a canary).
/// </summary>
public sealed record TrafficSettings(TrafficType Type, int? Percent = null, int? IntervalSeconds = null)
{
    public const int DefaultIntervalSeconds = 60;
    public const int MaxIntervalSeconds = 86_400;

    public static TrafficSettings AllAtOnce { get; } = new(TrafficType.AllAtOnce);

    public static TrafficSettings Canary(int percent, int intervalSeconds = DefaultIntervalSeconds) =>
        new(TrafficType.Canary, percent, intervalSeconds);

    public static TrafficSettings Linear(int percent, int intervalSeconds = DefaultIntervalSeconds) =>
        new(TrafficType.Linear, percent, intervalSeconds);
}
