namespace BlueGreen.Functions.Contracts;

/// <summary>The application's deployment lock, held by this execution.</summary>
/// <param name="TakenOverFrom">The previous holder, when its execution had ended without releasing.</param>
public sealed record LockHeld(string Application, string Holder, DateTimeOffset AcquiredAt, string? TakenOverFrom = null);
