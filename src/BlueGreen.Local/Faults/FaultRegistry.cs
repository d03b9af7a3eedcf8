using System.Diagnostics.CodeAnalysis;
using BlueGreen.Local.CodeDeploy;

namespace BlueGreen.Local.Faults;

/// <summary>
/// The faults requested of the local cloud, shared by the gateway, the CodeDeploy emulator and
/// tests. Thread-safe. <see cref="Clear"/> removes every fault and cancels pending alarm firings.
/// </summary>
public sealed class FaultRegistry : ICodeDeployFaults
{
    private readonly object _gate = new();
    private readonly List<OperationFault> _operationFaults = [];
    private readonly HashSet<string> _unhealthyImages = new(StringComparer.Ordinal);
    private readonly Queue<string> _codeDeployFailures = new();
    private CancellationTokenSource _cleared = new();

    /// <summary>Answer the next <paramref name="times"/> calls of the operation with the service's
    /// throttling error. A null service matches the operation in any service. A
    /// <paramref name="function"/> (e.g. "ShiftTrafficFunction") limits the fault to Lambda invokes
    /// of that function, or, for any other operation, to calls the in-process function makes;
    /// null matches every call of the operation.</summary>
    public void Throttle(string? service, string operation, int times, string? function = null) =>
        AddOperationFault(OperationFaultKind.Throttle, service, operation, times, function);

    /// <summary>Answer the next <paramref name="times"/> calls of the operation with HTTP 500.</summary>
    public void FailWithServerError(string? service, string operation, int times, string? function = null) =>
        AddOperationFault(OperationFaultKind.ServerError, service, operation, times, function);

    /// <summary>Let the next <paramref name="times"/> calls of the operation take effect, then answer HTTP 500.</summary>
    public void LoseResponse(string? service, string operation, int times, string? function = null) =>
        AddOperationFault(OperationFaultKind.LostResponse, service, operation, times, function);

    /// <summary>Takes one use of the first fault matching the call, if any. <paramref name="function"/>
    /// is the invoked function for a Lambda Invoke, else the function making the call (null: none).</summary>
    public OperationFaultKind? TryTake(string service, string operation, string? function = null)
    {
        lock (_gate)
        {
            var fault = _operationFaults.FirstOrDefault(f => f.Matches(service, operation, function));
            if (fault is null)
            {
                return null;
            }

            if (--fault.Remaining == 0)
            {
                _operationFaults.Remove(fault);
            }

            return fault.Kind;
        }
    }

    /// <summary>Instances launched from this AMI report unhealthy wherever their health shows.</summary>
    public void MarkImageUnhealthy(string imageId)
    {
        lock (_gate)
        {
            _unhealthyImages.Add(imageId);
        }
    }

    public IReadOnlyCollection<string> UnhealthyImages
    {
        get
        {
            lock (_gate)
            {
                return [.. _unhealthyImages];
            }
        }
    }

    /// <summary>The next CodeDeploy deployment created ends Failed, with this message.</summary>
    public void FailNextCodeDeployDeployment(string message = "Deployment failed (injected by the local cloud)")
    {
        lock (_gate)
        {
            _codeDeployFailures.Enqueue(message);
        }
    }

    /// <summary>For the CodeDeploy emulator when it creates a deployment: true (and the message)
    /// when that deployment must fail; each request fails one deployment.</summary>
    public bool TryTakeCodeDeployFailure(out string message)
    {
        lock (_gate)
        {
            return _codeDeployFailures.TryDequeue(out message!);
        }
    }

    /// <summary>A requested failure applies to the next deployment, whichever group it targets.</summary>
    bool ICodeDeployFaults.TakeFailure(string applicationName, string deploymentGroupName, [NotNullWhen(true)] out string? reason)
    {
        var taken = TryTakeCodeDeployFailure(out var message);
        reason = taken ? message : null;
        return taken;
    }

    public int PendingCodeDeployFailures
    {
        get
        {
            lock (_gate)
            {
                return _codeDeployFailures.Count;
            }
        }
    }

    /// <summary>Cancelled by the next <see cref="Clear"/>: delayed faults (alarms) watch it.</summary>
    public CancellationToken ClearedToken
    {
        get
        {
            lock (_gate)
            {
                return _cleared.Token;
            }
        }
    }

    public void Clear()
    {
        CancellationTokenSource cleared;
        lock (_gate)
        {
            _operationFaults.Clear();
            _unhealthyImages.Clear();
            _codeDeployFailures.Clear();
            cleared = _cleared;
            _cleared = new CancellationTokenSource();
        }

        cleared.Cancel();
        cleared.Dispose();
    }

    /// <summary>What is currently injected; serialised by GET /_bluegreen/faults.</summary>
    public FaultSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new FaultSnapshot(
                [.. _operationFaults.Select(f => new OperationFaultSnapshot(f.Kind.ToString(), f.Service, f.Operation, f.Remaining, f.Function))],
                [.. _unhealthyImages],
                _codeDeployFailures.Count);
        }
    }

    private void AddOperationFault(OperationFaultKind kind, string? service, string operation, int times, string? function)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            _operationFaults.Add(new OperationFault(kind, string.IsNullOrEmpty(service) ? null : service, operation, string.IsNullOrEmpty(function) ? null : function) { Remaining = times });
        }
    }

    private sealed class OperationFault(OperationFaultKind kind, string? service, string operation, string? function)
    {
        public OperationFaultKind Kind { get; } = kind;

        public string? Service { get; } = service;

        public string Operation { get; } = operation;

        /// <summary>Only invokes of (or calls by) this function; null: any call of the operation.</summary>
        public string? Function { get; } = function;

        public int Remaining { get; set; }

        public bool Matches(string service, string operation, string? function) =>
            string.Equals(Operation, operation, StringComparison.Ordinal)
            && (Service is null || string.Equals(Service, service, StringComparison.Ordinal))
            && (Function is null || string.Equals(Function, function, StringComparison.Ordinal));
    }
}
