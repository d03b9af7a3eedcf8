namespace BlueGreen.Core.Settings;

/// <summary>
/// Blue's retirement: wait <see cref="WaitSeconds"/> ready for instant rollback, then
/// <see cref="Action"/>; <see cref="DrainSeconds"/> (the ELB deregistration delay) lets connections
/// finish. Limits: <c>schemas/settings.schema.json</c>.
/// </summary>
public sealed record BlueAfterCutover(BlueAction Action = BlueAction.Terminate, int WaitSeconds = 0, int DrainSeconds = 120)
{
    public static BlueAfterCutover Default { get; } = new();
}
