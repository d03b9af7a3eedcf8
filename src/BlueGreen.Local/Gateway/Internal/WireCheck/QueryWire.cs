using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>
/// The Query protocol (autoscaling, elbv2, CloudWatch, SNS) and EC2's flavour of it: form
/// parameters <c>Action</c> and <c>Version</c>, nested structures <c>A.B</c>, lists
/// <c>A.member.N</c> (flattened and EC2: <c>A.N</c>), maps <c>A.entry.N.key/value</c>. Names are
/// locationName or the member name; EC2 uses queryName, else locationName capitalised, else the member name.
/// </summary>
internal sealed class QueryWire(bool ec2) : IWireProtocol
{
    public WireVerdict Check(ServiceModel model, WireRequest request)
    {
        var parameters = Parameters(request);
        var action = parameters.GetValueOrDefault("Action") ?? "";
        var violations = new List<WireViolation>();
        if (model.Operation(action) is not { } operation)
        {
            violations.Add(new("Action", $"'{action}' is not an operation of {model.Name}"));
            return new WireVerdict(model.Name, action, violations);
        }

        if (parameters.GetValueOrDefault("Version") != model.ApiVersion)
        {
            violations.Add(new("Version", $"'{parameters.GetValueOrDefault("Version")}' is not the model's API version {model.ApiVersion}"));
        }

        var reading = new Reading(model, ec2, parameters, violations);
        reading.Structure("", model.Input(operation));
        foreach (var unused in parameters.Keys.Where(k => k is not ("Action" or "Version") && !reading.Used.Contains(k)).Order(StringComparer.Ordinal))
        {
            violations.Add(new(unused, $"no such parameter in {(string?)operation["input"]?["shape"] ?? "the (empty) input"}"));
        }

        return new WireVerdict(model.Name, action, violations);
    }

    private static Dictionary<string, string> Parameters(WireRequest request)
    {
        var text = request.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            ? Encoding.UTF8.GetString(request.Body)
            : request.QueryString;
        return QueryHelpers.ParseQuery(text).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }

    private sealed class Reading(ServiceModel model, bool ec2, Dictionary<string, string> parameters, List<WireViolation> violations)
    {
        public HashSet<string> Used { get; } = new(StringComparer.Ordinal);

        public void Structure(string prefix, JsonObject shape)
        {
            var required = ServiceModel.Required(shape);
            foreach (var (name, member) in ServiceModel.Members(shape))
            {
                var key = prefix.Length == 0 ? SerializedName(name, member) : $"{prefix}.{SerializedName(name, member)}";
                if (!Present(key))
                {
                    if (required.Contains(name))
                    {
                        violations.Add(new(key, "required parameter missing"));
                    }

                    continue;
                }

                Value(key, model.ShapeOf(member));
            }
        }

        private void Value(string key, JsonObject shape)
        {
            switch (ServiceModel.Type(shape))
            {
                case "structure":
                    Structure(key, shape);
                    break;
                case "list":
                    List(key, shape);
                    break;
                case "map":
                    Map(key, shape);
                    break;
                default:
                    if (parameters.TryGetValue(key, out var text))
                    {
                        Used.Add(key);
                        ShapeRules.CheckText(shape, text, key, violations);
                    }

                    break;
            }
        }

        private void List(string key, JsonObject shape)
        {
            if (parameters.TryGetValue(key, out var empty) && empty.Length == 0)
            {
                // An empty list is the bare name with no value.
                Used.Add(key);
                ShapeRules.CheckLength(shape, 0, key, violations, "count");
                return;
            }

            var member = shape["member"]!.AsObject();
            var prefix = ec2 ? key
                : shape["flattened"]?.GetValue<bool>() == true
                    ? (string?)member["locationName"] is { } flat ? string.Join('.', key.Split('.')[..^1].Append(flat)) : key
                    : $"{key}.{(string?)member["locationName"] ?? "member"}";
            var count = Items(key, prefix);
            ShapeRules.CheckLength(shape, count, key, violations, "count");
            for (var i = 1; i <= count; i++)
            {
                Value($"{prefix}.{i}", model.ShapeOf(member));
            }
        }

        private void Map(string key, JsonObject shape)
        {
            var prefix = shape["flattened"]?.GetValue<bool>() == true ? key : $"{key}.entry";
            var keyName = (string?)shape["key"]!["locationName"] ?? "key";
            var valueName = (string?)shape["value"]!["locationName"] ?? "value";
            var count = Items(key, prefix);
            ShapeRules.CheckLength(shape, count, key, violations, "count");
            for (var i = 1; i <= count; i++)
            {
                if (!Present($"{prefix}.{i}.{keyName}"))
                {
                    violations.Add(new($"{prefix}.{i}.{keyName}", "map entry without a key"));
                }

                Value($"{prefix}.{i}.{keyName}", model.ShapeOf(shape["key"]!));
                Value($"{prefix}.{i}.{valueName}", model.ShapeOf(shape["value"]!));
            }
        }

        /// <summary>How many items are numbered under the prefix; they must count 1, 2, … without gaps.</summary>
        private int Items(string key, string prefix)
        {
            var numbers = parameters.Keys
                .Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal))
                .Select(k => k[(prefix.Length + 1)..].Split('.')[0])
                .Select(n => int.TryParse(n, out var i) && i > 0 ? i : -1)
                .Where(i => i > 0)
                .Distinct()
                .Order()
                .ToList();
            for (var i = 0; i < numbers.Count; i++)
            {
                if (numbers[i] != i + 1)
                {
                    violations.Add(new(key, $"list items must be numbered 1..{numbers.Count} without gaps (found {string.Join(",", numbers)})"));
                    return numbers.Count;
                }
            }

            return numbers.Count;
        }

        private bool Present(string key) =>
            parameters.ContainsKey(key) || parameters.Keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal));

        private string SerializedName(string name, JsonObject member)
        {
            if (!ec2)
            {
                return (string?)member["locationName"] ?? name;
            }

            if ((string?)member["queryName"] is { } queryName)
            {
                return queryName;
            }

            return (string?)member["locationName"] is { Length: > 0 } location ? char.ToUpperInvariant(location[0]) + location[1..] : name;
        }
    }
}
