using System.Text.Json;

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

    /// <summary>When set, each gateway appends its snapshot to this file as one JSON line when it
    /// stops, so a test run's figures (requests, operations, violations) can be read afterwards.</summary>
    public const string ReportVariable = "BLUEGREEN_WIRE_REPORT";

    private static readonly object ReportGate = new();
    private readonly object _gate = new();
    private readonly SortedSet<string> _operations = new(StringComparer.Ordinal);
    private readonly List<string> _violations = [];
    private readonly SortedDictionary<string, SortedSet<string>> _byFunction = new(StringComparer.Ordinal);
    private long _checked;

    public bool Enabled { get; init; }

    /// <param name="function">The in-process Lambda function that sent the request (its
    /// <c>X-BlueGreen-Function</c>), with <paramref name="signingName"/>, the service's SigV4 name:
    /// what the function's IAM policy must allow.</param>
    public void Record(string service, string operation, string? violation, string? function = null, string? signingName = null)
    {
        lock (_gate)
        {
            _checked++;
            _operations.Add($"{service}:{operation}");
            if (function is { Length: > 0 })
            {
                if (!_byFunction.TryGetValue(function, out var calls))
                {
                    _byFunction[function] = calls = new SortedSet<string>(StringComparer.Ordinal);
                }

                calls.Add($"{signingName ?? service}:{operation}");
            }

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
            return new WireSnapshot(Enabled, _checked, [.. _operations], [.. _violations])
            {
                Functions = _byFunction.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[.. f.Value], StringComparer.Ordinal),
            };
        }
    }

    /// <summary>For a test fixture's end: a violation the code under test swallowed (announcements
    /// are never allowed to fail a step, decision 25) still fails the run here.</summary>
    public void ThrowIfAnyViolation()
    {
        var violations = Snapshot().Violations;
        if (violations.Count > 0)
        {
            throw new InvalidOperationException($"Strict wire mode refused {violations.Count} request(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        }
    }

    public void AppendReport(string? path)
    {
        if (string.IsNullOrEmpty(path) || !Enabled)
        {
            return;
        }

        var line = JsonSerializer.Serialize(Snapshot(), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        lock (ReportGate)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _checked = 0;
            _operations.Clear();
            _violations.Clear();
            _byFunction.Clear();
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
