using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>
/// What REST protocols (Route 53's REST-XML, Image Builder's REST-JSON) share: the operation is the
/// one whose <c>http.method</c> and <c>requestUri</c> template match the request (the most literal
/// template wins), URI labels and query-string parameters map to members by locationName, and
/// whatever is left of the input travels in the body.
/// </summary>
internal static partial class RestRequest
{
    public static (string Name, JsonObject Operation, Dictionary<string, string> Labels)? Match(ServiceModel model, WireRequest request)
    {
        (string, JsonObject, Dictionary<string, string>)? best = null;
        var requestQuery = QueryHelpers.ParseQuery(request.QueryString);
        var bestLiteral = -1;
        foreach (var (name, node) in model.Operations)
        {
            var operation = node!.AsObject();
            if (!string.Equals((string?)operation["http"]?["method"], request.Method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var (template, fixedQuery) = ((string?)operation["http"]?["requestUri"] ?? "/").Split('?') is [var path, var query]
                ? (path, QueryHelpers.ParseQuery(query).Keys.ToList())
                : (((string?)operation["http"]?["requestUri"]) ?? "/", []);
            // S3-style sub-resources ("/{Bucket}?cors") tell operations apart by a fixed query key.
            if (fixedQuery.Any(key => !requestQuery.ContainsKey(key)))
            {
                continue;
            }

            var labels = new List<string>();
            var pattern = "^" + Label().Replace(Regex.Escape(template).Replace(@"\{", "{"), m =>
            {
                labels.Add(m.Groups["name"].Value);
                return m.Groups["greedy"].Success ? $"(?<l{labels.Count - 1}>.+)" : $"(?<l{labels.Count - 1}>[^/]+)";
            }).TrimEnd('/') + "/?$";
            var match = Regex.Match(request.Path, pattern);
            var literal = Label().Replace(template, "").Length + fixedQuery.Sum(key => key.Length + 1);
            if (match.Success && literal > bestLiteral)
            {
                bestLiteral = literal;
                best = (name, operation, labels.Select((l, i) => (l, Uri.UnescapeDataString(match.Groups[$"l{i}"].Value))).ToDictionary(p => p.l, p => p.Item2));
            }
        }

        return best;
    }

    /// <summary>Checks URI labels, query string and headers; returns true for a member that travels there.</summary>
    public static Func<JsonObject, bool> CheckLocations(ServiceModel model, JsonObject operation, JsonObject input, Dictionary<string, string> labels, WireRequest request, List<WireViolation> violations)
    {
        var templateQuery = ((string?)operation["http"]?["requestUri"] ?? "").Split('?') is [_, var fixedQuery] ? QueryHelpers.ParseQuery(fixedQuery).Keys.ToHashSet() : [];
        var query = QueryHelpers.ParseQuery(request.QueryString);
        var usedQuery = new HashSet<string>(templateQuery);
        var required = ServiceModel.Required(input);
        foreach (var (name, member) in ServiceModel.Members(input))
        {
            var location = (string?)member["location"];
            var wireName = (string?)member["locationName"] ?? name;
            var shape = model.ShapeOf(member);
            switch (location)
            {
                case "uri":
                    if (labels.TryGetValue(wireName, out var label))
                    {
                        ShapeRules.CheckText(shape, label, $"{{{wireName}}}", violations);
                    }

                    break;
                case "querystring" when ServiceModel.Type(shape) == "map":
                    break;
                case "querystring":
                    if (query.TryGetValue(wireName, out var values))
                    {
                        usedQuery.Add(wireName);
                        var item = ServiceModel.Type(shape) == "list" ? model.ShapeOf(shape["member"]!) : shape;
                        if (ServiceModel.Type(shape) == "list")
                        {
                            ShapeRules.CheckLength(shape, values.Count, $"?{wireName}", violations, "count");
                        }
                        else if (values.Count > 1)
                        {
                            violations.Add(new($"?{wireName}", "a single value sent more than once"));
                        }

                        foreach (var value in values)
                        {
                            ShapeRules.CheckText(item, value ?? "", $"?{wireName}", violations);
                        }
                    }
                    else if (required.Contains(name))
                    {
                        violations.Add(new($"?{wireName}", "required query parameter missing"));
                    }

                    break;
                case "header":
                    if (request.Header(wireName) is { } header)
                    {
                        ShapeRules.CheckText(shape, header, wireName, violations);
                    }
                    else if (required.Contains(name))
                    {
                        violations.Add(new(wireName, "required header missing"));
                    }

                    break;
            }
        }

        foreach (var unknown in query.Keys.Where(k => !usedQuery.Contains(k)).Order(StringComparer.Ordinal))
        {
            violations.Add(new($"?{unknown}", "no such query parameter in the input"));
        }

        return member => (string?)member["location"] is "uri" or "querystring" or "header" or "headers" or "statusCode";
    }

    [GeneratedRegex(@"\{(?<name>[^}+]+)(?<greedy>\+)?\}")]
    private static partial Regex Label();
}
