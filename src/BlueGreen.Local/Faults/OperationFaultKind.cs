namespace BlueGreen.Local.Faults;

public enum OperationFaultKind
{
    /// <summary>The service's own throttling error (Query `Throttling`, JSON `ThrottlingException`, …).</summary>
    Throttle,

    /// <summary>HTTP 500 with the service's `InternalFailure` error.</summary>
    ServerError,
}
