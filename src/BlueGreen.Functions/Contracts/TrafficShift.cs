namespace BlueGreen.Functions.Contracts;

/// <summary>
/// Where ShiftTraffic stands; each call advances it one phase and the state machine waits between
/// calls until <see cref="Done"/>. <see cref="Phase"/> names what the next call does;
/// <see cref="WaitSeconds"/> is how long the state machine waits before that call
/// (<c>WaitWhileShifting</c> reads it with SecondsPath). For weighted and dns, <see cref="StepIndex"/>
/// is the traffic plan's step whose weights are written (null before the first) and
/// <see cref="ChangeId"/> the Route 53 change awaited to be INSYNC.
/// </summary>
public sealed record TrafficShift(
    string Phase,
    bool Done,
    DateTimeOffset PhaseSince,
    string Detail,
    bool BlueDetached,
    int WaitSeconds = TrafficShift.DefaultWaitSeconds,
    int? StepIndex = null,
    string? ChangeId = null)
{
    /// <summary>Between checks while targets register or drain: short, and often enough to see an alarm.</summary>
    public const int DefaultWaitSeconds = 5;
}
