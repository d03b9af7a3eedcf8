namespace BlueGreen.Functions.Contracts;

/// <summary>
/// One check of the watch after full cutover (<c>ResultPath: "$.watch"</c>): blue waits, ready for an
/// instant rollback, until <see cref="Until"/> (promotion + <c>blueAfterCutover.waitSeconds</c>),
/// with the alarms checked on every call. <see cref="WaitSeconds"/> is how long the state machine
/// waits before the next check (<c>WaitBeforeRetiringBlue</c> reads it with SecondsPath).
/// </summary>
public sealed record BlueWatch(bool Done, DateTimeOffset Until, int WaitSeconds, string Detail);
