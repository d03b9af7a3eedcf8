namespace BlueGreen.Local.Faults;

public enum OperationFaultKind
{
    /// <summary>The service's own throttling error (Query `Throttling`, JSON `ThrottlingException`, …).</summary>
    Throttle,

    /// <summary>HTTP 500 with the service's `InternalFailure` error.</summary>
    ServerError,

    /// <summary>The call reaches the service and takes effect, but the caller gets HTTP 500, as
    /// when a response is lost or the caller crashes mid-call: what retries must survive.</summary>
    LostResponse,
}
