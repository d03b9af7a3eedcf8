namespace BlueGreen.Core.Errors;

/// <summary>One thing wrong with an input: where (a JSON path such as <c>$.traffic.percent</c>),
/// what is wrong, and what to do about it.</summary>
public sealed record Problem(string Path, string Message, string Fix)
{
    public override string ToString() => $"{Path}: {Message}. Fix: {Fix}.";
}
