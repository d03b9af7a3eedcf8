namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>The operation a request names (as the model spells it, or as sent when the model has no
/// such operation) and every rule it breaks; none means the request fits the model.</summary>
internal sealed record WireVerdict(string Service, string Operation, IReadOnlyList<WireViolation> Violations)
{
    public bool Fits => Violations.Count == 0;

    /// <summary>The error message: the operation, then each parameter path and its rule.</summary>
    public string Message =>
        Fits ? $"{Service}:{Operation} fits botocore's model" : $"{Service}:{Operation} breaks botocore's model: {string.Join("; ", Violations)}";
}
