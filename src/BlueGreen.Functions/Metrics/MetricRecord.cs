using System.Text.Json;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Metrics;

/// <summary>
/// One CloudWatch embedded metric format (EMF) document: a log event that CloudWatch Logs turns
/// into metrics. Shape, from the specification: a root <c>_aws</c> with <c>Timestamp</c> (ms since
/// the epoch) and <c>CloudWatchMetrics</c>, one directive per dimension set, each naming its
/// <c>Namespace</c>, <c>Dimensions</c> and <c>Metrics</c> (<c>Name</c>, <c>Unit</c>); every
/// dimension and metric value is a top-level member. Other top-level members (deploymentId…) are
/// kept as searchable log fields.
/// </summary>
/// <example>
/// <code>
/// {"_aws":{"Timestamp":1764669600000,"CloudWatchMetrics":[{"Namespace":"BlueGreen",
///   "Dimensions":[["Application","Outcome"]],"Metrics":[{"Name":"Deployments","Unit":"Count"}]}]},
///  "Application":"shop","Outcome":"Promoted","Deployments":1}
/// </code>
/// </example>
public sealed class MetricRecord(string metricNamespace, DateTimeOffset timestamp)
{
    private readonly List<(string[] Dimensions, List<(string Name, string Unit)> Metrics)> _directives = [];
    private readonly Dictionary<string, string> _dimensions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal);

    public MetricRecord Dimension(string name, string value)
    {
        _dimensions[name] = value;
        return this;
    }

    /// <summary>A value aggregated by <paramref name="dimensions"/> (names given with <see cref="Dimension"/>).</summary>
    /// <param name="unit">A CloudWatch unit: Count, Seconds, Milliseconds…</param>
    public MetricRecord Metric(string name, double value, string unit, params string[] dimensions)
    {
        var missing = dimensions.FirstOrDefault(d => !_dimensions.ContainsKey(d));
        if (missing is not null)
        {
            throw new ArgumentException($"Metric {name} names dimension {missing}, which has no value.", nameof(dimensions));
        }

        var directive = _directives.FirstOrDefault(d => d.Dimensions.SequenceEqual(dimensions));
        if (directive.Metrics is null)
        {
            directive = (dimensions, new List<(string Name, string Unit)>());
            _directives.Add(directive);
        }

        directive.Metrics.Add((name, unit));
        _values[name] = value;
        return this;
    }

    /// <summary>A plain field of the log event, not a metric nor a dimension.</summary>
    public MetricRecord Property(string name, string? value)
    {
        if (value is not null)
        {
            _properties[name] = value;
        }

        return this;
    }

    public void WriteTo(TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestamp.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            foreach (var (dimensions, metrics) in _directives)
            {
                json.WriteStartObject();
                json.WriteString("Namespace", metricNamespace);
                json.WriteStartArray("Dimensions");
                json.WriteStartArray();
                foreach (var dimension in dimensions)
                {
                    json.WriteStringValue(dimension);
                }

                json.WriteEndArray();
                json.WriteEndArray();
                json.WriteStartArray("Metrics");
                foreach (var (name, unit) in metrics)
                {
                    json.WriteStartObject();
                    json.WriteString("Name", name);
                    json.WriteString("Unit", unit);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            foreach (var (name, value) in _dimensions)
            {
                json.WriteString(name, value);
            }

            foreach (var (name, value) in _values)
            {
                json.WriteNumber(name, value);
            }

            foreach (var (name, value) in _properties.Where(p => !_dimensions.ContainsKey(p.Key) && !_values.ContainsKey(p.Key)))
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
        }

        LogRecord.Write(output, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }
}
