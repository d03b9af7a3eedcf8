using System.Globalization;

namespace BlueGreen.Aws.Internal.Protocols;

/// <summary>
/// The form parameters of a Query-protocol call. Lists are flattened the Query way:
/// <c>Name.member.1</c>, <c>Name.member.1.Field</c>... Null values are left out.
/// </summary>
internal sealed class QueryRequest(string action)
{
    private readonly List<KeyValuePair<string, string>> _parameters = [];

    public string Action => action;

    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    public QueryRequest Add(string name, string? value)
    {
        if (value is not null)
        {
            _parameters.Add(new(name, value));
        }

        return this;
    }

    public QueryRequest Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryRequest Add(string name, double? value) => Add(name, value?.ToString("R", CultureInfo.InvariantCulture));

    public QueryRequest Add(string name, bool? value) => Add(name, value switch { null => null, true => "true", false => "false" });

    public QueryRequest Add(string name, DateTimeOffset? value) =>
        Add(name, value?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));

    public QueryRequest AddList(string name, IEnumerable<string>? values) =>
        AddList(name, values, (request, prefix, value) => request.Add(prefix, value));

    /// <param name="write">Writes one item under its prefix, e.g. <c>Tags.member.2</c>.</param>
    public QueryRequest AddList<T>(string name, IEnumerable<T>? items, Action<QueryRequest, string, T> write)
    {
        var index = 0;
        foreach (var item in items ?? [])
        {
            write(this, $"{name}.member.{++index}", item);
        }

        return this;
    }
}
