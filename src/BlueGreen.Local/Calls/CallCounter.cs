using System.Collections.Concurrent;

namespace BlueGreen.Local.Calls;

/// <summary>Counts every AWS call that reaches the gateway, by service (the SigV4 signing name,
/// e.g. "autoscaling", "elasticloadbalancing", "states") and operation, and keeps every mutating
/// call that is not the engine's own (Step Functions, Lambda) in order, with its body.</summary>
public sealed class CallCounter
{
    private readonly ConcurrentQueue<RecordedWrite> _writes = new();
    private readonly ConcurrentDictionary<(string Service, string Operation), int> _counts = new();
    private readonly ConcurrentDictionary<(string Function, string Service, string Operation), byte> _byFunction = new();

    /// <param name="function">The in-process Lambda function that made the call, if one did.</param>
    public void Record(string service, string operation, string? function = null)
    {
        _counts.AddOrUpdate((service, operation), 1, (_, n) => n + 1);
        if (function is { Length: > 0 })
        {
            _byFunction.TryAdd((function, service, operation), 0);
        }
    }

    /// <summary>Keeps a mutating call's request; read-only calls and the engine's own are skipped.</summary>
    public void RecordWrite(DateTimeOffset at, string service, string operation, string? function, string path, string body)
    {
        if (!IsReadOnly(operation) && !IsAnnouncement(service, operation) && service is not ("states" or "lambda"))
        {
            _writes.Enqueue(new RecordedWrite(at, service, operation, function is { Length: > 0 } ? function : null, path, body));
        }
    }

    /// <summary>The mutating calls to resources since the last reset, oldest first.</summary>
    public IReadOnlyList<RecordedWrite> Writes() => _writes.ToArray();

    /// <summary>Every (service, operation) each function called, by function name.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<(string Service, string Operation)>> CallsByFunction() =>
        _byFunction.Keys
            .GroupBy(k => k.Function, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<(string, string)>)g.Select(k => (k.Service, k.Operation)).ToHashSet(), StringComparer.Ordinal);

    public int Count(string service, string operation) =>
        _counts.TryGetValue((service, operation), out var n) ? n : 0;

    public void Reset()
    {
        _counts.Clear();
        _byFunction.Clear();
        _writes.Clear();
    }

    /// <summary>An announcement tells people what happened (EventBridge PutEvents, SNS Publish) and changes no resource.</summary>
    public static bool IsAnnouncement(string service, string operation) =>
        (service, operation) is ("events", "PutEvents") or ("sns", "Publish");

    /// <summary>Read-only means the operation only looks: Describe*, Get*, List*, BatchGet*.</summary>
    public static bool IsReadOnly(string operation) =>
        operation.StartsWith("Describe", StringComparison.Ordinal)
        || operation.StartsWith("Get", StringComparison.Ordinal)
        || operation.StartsWith("List", StringComparison.Ordinal)
        || operation.StartsWith("BatchGet", StringComparison.Ordinal);

    public CallCounts Snapshot()
    {
        var entries = _counts.ToArray();
        var services = entries
            .GroupBy(e => e.Key.Service, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, int>)g
                    .OrderBy(e => e.Key.Operation, StringComparer.Ordinal)
                    .ToDictionary(e => e.Key.Operation, e => e.Value, StringComparer.Ordinal),
                StringComparer.Ordinal);
        var readOnly = entries.Where(e => IsReadOnly(e.Key.Operation)).Sum(e => e.Value);
        var announcements = entries.Where(e => IsAnnouncement(e.Key.Service, e.Key.Operation)).Sum(e => e.Value);
        var total = entries.Sum(e => e.Value);
        return new CallCounts(total, total - readOnly - announcements, readOnly, services) { Announcements = announcements };
    }
}
