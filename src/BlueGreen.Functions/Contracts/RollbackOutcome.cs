namespace BlueGreen.Functions.Contracts;

/// <summary>
/// What RollBack leaves at <c>$.outcome</c> for the final Fail state (<c>ErrorPath: $.outcome.error</c>,
/// <c>CausePath: $.outcome.cause</c>): the original error's name, and the cause as the JSON text of
/// Core's <c>FailureCause</c> {message, rolledBack, liveGroup, details}.
/// </summary>
public sealed record RollbackOutcome(string Error, string Cause);
