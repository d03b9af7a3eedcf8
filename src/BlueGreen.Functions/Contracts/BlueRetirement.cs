using BlueGreen.Core.Settings;

namespace BlueGreen.Functions.Contracts;

/// <summary>What RetireBlue did to the old blue group (<c>ResultPath: "$.retired"</c>).</summary>
/// <param name="Outcome">In words: "deleted", "already deleted", "scaled to zero", "already at zero", "kept".</param>
public sealed record BlueRetirement(string GroupName, BlueAction Action, string Outcome, DateTimeOffset RetiredAt);
