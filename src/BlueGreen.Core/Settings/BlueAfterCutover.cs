namespace BlueGreen.Core.Settings;

/// <summary>
/// Blue's retirement: wait <see cref="WaitSeconds"/> (0–604800, a week) ready for instant
/// rollback, then <see cref="Action"/>; <see cref="DrainSeconds"/> (0–3600, the ELB deregistration
/// delay range) lets connections finish.
/// </summary>
public sealed record BlueAfterCutover(BlueAction Action = BlueAction.Terminate, int WaitSeconds = 0, int DrainSeconds = 120)
{
    public static BlueAfterCutover Default { get; } = new();
}
