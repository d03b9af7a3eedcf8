namespace BlueGreen.Functions.Contracts;

/// <summary>
/// One check of a wait loop (Wait → check → Choice on <see cref="Done"/>). <see cref="Since"/> is
/// when the loop's first check ran; the check fails by name once its timeout has passed since then.
/// </summary>
public sealed record Progress(bool Done, DateTimeOffset Since, string Detail);
