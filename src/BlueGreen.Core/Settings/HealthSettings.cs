namespace BlueGreen.Core.Settings;

/// <summary>
/// When green counts as healthy: <see cref="MinHealthyPercent"/> of its desired instances
/// InService and healthy in every target group, no listed alarm in ALARM, within
/// <see cref="TimeoutSeconds"/>; <see cref="BakeSeconds"/> is how long each traffic step is watched
/// before the next. Limits: <c>schemas/settings.schema.json</c>.
/// </summary>
public sealed record HealthSettings(
    int MinHealthyPercent = 100,
    int TimeoutSeconds = 900,
    IReadOnlyList<string>? AlarmNames = null,
    int BakeSeconds = 0)
{
    public IReadOnlyList<string> AlarmNames { get; init; } = AlarmNames ?? [];

    public static HealthSettings Default { get; } = new();
}
