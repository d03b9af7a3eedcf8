namespace BlueGreen.Local.Gateway;

/// <summary>
/// What strict wire mode has checked since the gateway started (or the last reset): how many
/// requests, which operations, and every violation answered with <c>BlueGreenWireViolation</c>.
/// Served as <c>GET /_bluegreen/wire</c>.
/// </summary>
public sealed class WireChecks
{
    /// <summary>The header a test's own BlueGreen.Aws clients carry so the gateway checks their
    /// requests (handlers' requests are checked by their <c>X-BlueGreen-Function</c>).</summary>
    public const string Header = "X-BlueGreen-Wire-Check";

    public const string ErrorCode = "BlueGreenWireViolation";

    private readonly object _gate = new();
    private readonly SortedSet<string> _operations = new(StringComparer.Ordinal);
    private readonly List<string> _violations = [];
    private long _checked;

    public bool Enabled { get; init; }

    public void Record(string service, string operation, string? violation)
    {
        lock (_gate)
        {
            _checked++;
            _operations.Add($"{service}:{operation}");
            if (violation is not null)
            {
                _violations.Add(violation);
            }
        }
    }

    public WireSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new WireSnapshot(Enabled, _checked, [.. _operations], [.. _violations]);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _checked = 0;
            _operations.Clear();
            _violations.Clear();
        }
    }

    /// <summary>Put below the signer of a test's <c>AwsClients</c>
    /// (<c>new AwsClients(settings, new WireChecks.Stamp())</c>) so the gateway checks its requests.</summary>
    public sealed class Stamp : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(Header, "strict");
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Requests checked, the distinct operations (service:Operation) and each violation's message.</summary>
public sealed record WireSnapshot(bool Enabled, long Checked, IReadOnlyList<string> Operations, IReadOnlyList<string> Violations);
