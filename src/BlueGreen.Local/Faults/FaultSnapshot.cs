namespace BlueGreen.Local.Faults;

public sealed record FaultSnapshot(
    IReadOnlyList<OperationFaultSnapshot> Operations,
    IReadOnlyList<string> UnhealthyImages,
    int PendingCodeDeployFailures);

public sealed record OperationFaultSnapshot(string Kind, string? Service, string Operation, int Remaining);
