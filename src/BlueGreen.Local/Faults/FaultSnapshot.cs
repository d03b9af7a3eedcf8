namespace BlueGreen.Local.Faults;

public sealed record FaultSnapshot(
    IReadOnlyList<OperationFaultSnapshot> Operations,
    IReadOnlyList<string> UnhealthyImages,
    int PendingCodeDeployFailures);

/// <param name="Function">Set when the fault applies only to invokes of one Lambda function.</param>
public sealed record OperationFaultSnapshot(string Kind, string? Service, string Operation, int Remaining, string? Function = null);
