namespace BlueGreen.Local.CodeDeploy;

/// <summary>How long an emulated deployment stays in each state.</summary>
public sealed record CodeDeployEmulatorOptions
{
    /// <summary>Created → InProgress after this long.</summary>
    public TimeSpan StartDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>InProgress → Succeeded (or Failed) after this long.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(3);

    internal CodeDeployEmulatorOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(StartDelay, TimeSpan.Zero, nameof(StartDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(Duration, TimeSpan.Zero, nameof(Duration));
        return this;
    }
}
