using System.Text.Json.Serialization;

namespace BlueGreen.Functions.Contracts;

/// <summary>
/// Where ShiftTraffic stands; each call advances it one phase and the state machine waits between
/// calls until <see cref="Done"/>. <see cref="Phase"/> names what the next call does (one of
/// <see cref="Strategies.TrafficPhase"/>); <see cref="WaitSeconds"/> is how long the state machine
/// waits before that call (<c>WaitWhileShifting</c> reads it with SecondsPath). For weighted and
/// dns, <see cref="StepIndex"/> is the traffic plan's step whose weights are written (null before
/// the first) and <see cref="ChangeId"/> the Route 53 change awaited to be INSYNC.
/// Made with <see cref="Starting"/>, <see cref="InPhase"/> or <see cref="Finished"/>; the
/// constructor is the wire's.
/// </summary>
[method: JsonConstructor]
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

    /// <summary>Before the first call: the strategy's first phase, blue serving everything.</summary>
    public static TrafficShift Starting(string phase, DateTimeOffset now) =>
        new(phase, false, now, "starting", false);

    /// <summary>A phase that began at <paramref name="since"/>, with blue still served or already out.</summary>
    public static TrafficShift InPhase(string phase, DateTimeOffset since, string detail, BlueTraffic blue, int waitSeconds = DefaultWaitSeconds, int? stepIndex = null, string? changeId = null) =>
        new(phase, false, since, detail, blue == BlueTraffic.Out, waitSeconds, stepIndex, changeId);

    /// <summary>The shift is over: green alone serves and blue has drained.</summary>
    public static TrafficShift Finished(DateTimeOffset at, string detail, int? stepIndex = null) =>
        new(Strategies.TrafficPhase.Done, true, at, detail, true, 0, stepIndex);
}

/// <summary>Whether blue still takes traffic at a point of the shift (<see cref="TrafficShift.BlueDetached"/> on the wire).</summary>
public enum BlueTraffic
{
    /// <summary>Blue still serves (alone, beside green, or with weight above 0).</summary>
    Serving,

    /// <summary>Blue takes no new traffic: detached, deregistered or at weight 0.</summary>
    Out,
}
