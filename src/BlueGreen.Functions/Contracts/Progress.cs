using System.Text.Json.Serialization;

namespace BlueGreen.Functions.Contracts;

/// <summary>
/// One check of a wait loop (Wait → check → Choice on <see cref="Done"/>). <see cref="Since"/> is
/// when the loop's first check ran; the check fails by name once its timeout has passed since then.
/// Made with <see cref="Finished"/> or <see cref="Waiting"/>; the constructor is the wire's.
/// </summary>
[method: JsonConstructor]
public sealed record Progress(bool Done, DateTimeOffset Since, string Detail)
{
    /// <summary>The loop is over: the Choice moves on.</summary>
    public static Progress Finished(DateTimeOffset since, string detail) => new(true, since, detail);

    /// <summary>Not yet: the state machine waits and checks again.</summary>
    public static Progress Waiting(DateTimeOffset since, string detail) => new(false, since, detail);
}
