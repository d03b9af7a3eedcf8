namespace BlueGreen.Functions.Contracts;

/// <summary>
/// Where ShiftTraffic stands; each call advances it one phase and the state machine waits between
/// calls until <see cref="Done"/>. <see cref="Phase"/> names what the next call does.
/// </summary>
public sealed record TrafficShift(string Phase, bool Done, DateTimeOffset PhaseSince, string Detail, bool BlueDetached);
