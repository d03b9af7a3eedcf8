using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>REST-XML (Route 53): method and path name the operation; the body, when the input has
/// body members, is one root element named by the input's locationName in its xmlNamespace, whose
/// children are members by locationName in the model's order (lists wrap items named by the
/// member's locationName unless flattened; maps hold <c>entry</c> elements of key and value;
/// xmlAttribute members are attributes).</summary>
internal sealed class RestXmlWire : RestWire
{
    protected override void CheckBody(ServiceModel model, RestOperation operation, byte[] body, List<WireViolation> violations)
    {
        var (name, input, elsewhere) = (operation.Name, operation.Input, operation.Elsewhere);
        var bodyMembers = ServiceModel.Members(input).Where(m => !elsewhere(m.Member)).ToList();
        if (body.Length == 0)
        {
            foreach (var required in ServiceModel.Required(input).Where(r => bodyMembers.Any(m => m.Name == r)))
            {
                violations.Add(new(required, "required element missing (no body)"));
            }

            return;
        }

        XElement root;
        try
        {
            root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body)).Root!;
        }
        catch (XmlException exception)
        {
            violations.Add(new("(body)", $"not XML: {exception.Message}"));
            return;
        }

        // A payload member (S3's CORSConfiguration) is the whole body; otherwise the input is.
        var rootName = (string?)input["locationName"] ?? (string?)operation.Operation["input"]?["locationName"] ?? name + "Request";
        var ns = (string?)(input["xmlNamespace"] ?? operation.Operation["input"]?["xmlNamespace"])?["uri"];
        if ((string?)input["payload"] is { } payload && ServiceModel.Members(input).FirstOrDefault(m => m.Name == payload) is { Member: not null } payloadMember
            && ServiceModel.Type(model.ShapeOf(payloadMember.Member)) == "structure")
        {
            rootName = (string?)payloadMember.Member["locationName"] ?? payload;
            ns = (string?)payloadMember.Member["xmlNamespace"]?["uri"] ?? ns;
            input = model.ShapeOf(payloadMember.Member);
            elsewhere = _ => false;
        }

        if (root.Name.LocalName != rootName)
        {
            violations.Add(new(root.Name.LocalName, $"the root element must be {rootName}"));
        }

        if (ns is not null && root.Name.NamespaceName != ns)
        {
            violations.Add(new(root.Name.LocalName, $"the root element's namespace must be {ns}, not '{root.Name.NamespaceName}'"));
        }

        Structure(model, root, input, rootName, elsewhere, violations);
    }

    private static void Structure(ServiceModel model, XElement element, JsonObject shape, string path, Func<JsonObject, bool> elsewhere, List<WireViolation> violations)
    {
        var ordered = ServiceModel.Members(shape).Where(m => !elsewhere(m.Member)).ToList();
        var attributes = ordered.Where(m => (bool?)m.Member["xmlAttribute"] == true).ToList();
        var elements = ordered.Except(attributes).ToList();
        var members = elements.Select((m, i) => (Wire: WireName(m), Member: m, Order: i)).ToDictionary(m => m.Wire, m => m);
        Attributes(model, element, attributes, path, violations);

        // Elements follow the model's member order (Route 53 checks its schema's sequence), and a
        // member appears once unless it is a flattened list or map, whose items repeat its name.
        var last = -1;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in element.Elements())
        {
            var childPath = $"{path}/{child.Name.LocalName}";
            if (!members.TryGetValue(child.Name.LocalName, out var member))
            {
                violations.Add(new(childPath, "no such element in the model"));
                continue;
            }

            var memberShape = model.ShapeOf(member.Member.Member);
            var flattened = (bool?)memberShape["flattened"] == true;
            if (!seen.Add(member.Wire) && !flattened)
            {
                violations.Add(new(childPath, "appears more than once; only a flattened list or map repeats"));
            }
            else if (member.Order < last)
            {
                violations.Add(new(childPath, $"out of order: the model's sequence puts it before <{WireName(elements[last])}>"));
            }

            last = Math.Max(last, member.Order);
            if (flattened)
            {
                FlattenedItem(model, child, memberShape, childPath, violations);
            }
            else
            {
                Value(model, child, memberShape, childPath, violations);
            }
        }

        foreach (var required in ServiceModel.Required(shape))
        {
            var member = elements.FirstOrDefault(m => m.Name == required);
            if (member.Member is not null && !seen.Contains(WireName(member)))
            {
                violations.Add(new($"{path}/{WireName(member)}", "required element missing"));
            }
        }
    }

    private static string WireName((string Name, JsonObject Member) member) => (string?)member.Member["locationName"] ?? member.Name;

    /// <summary>Members marked xmlAttribute travel as attributes of their structure's element
    /// ("xsi:type" in the XML Schema instance namespace).</summary>
    private static void Attributes(ServiceModel model, XElement element, List<(string Name, JsonObject Member)> attributes, string path, List<WireViolation> violations)
    {
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            var member = attributes.FirstOrDefault(m => WireName(m).Split(':')[^1] == attribute.Name.LocalName
                && (WireName(m).Contains(':') ? attribute.Name.Namespace == xsi : attribute.Name.Namespace == XNamespace.None));
            if (member.Member is null)
            {
                violations.Add(new($"{path}/@{attribute.Name.LocalName}", "no such attribute in the model"));
                continue;
            }

            ShapeRules.CheckText(model.ShapeOf(member.Member), attribute.Value, $"{path}/@{attribute.Name.LocalName}", violations);
        }
    }

    /// <summary>One item of a flattened list (the element itself is the item) or one entry of a flattened map.</summary>
    private static void FlattenedItem(ServiceModel model, XElement item, JsonObject shape, string path, List<WireViolation> violations)
    {
        if (ServiceModel.Type(shape) == "map")
        {
            Entry(model, item, shape, path, violations);
        }
        else
        {
            Value(model, item, model.ShapeOf(shape["member"]!), path, violations);
        }
    }

    /// <summary>A map entry: exactly one key and one value element, named by the map's key and value locationNames.</summary>
    private static void Entry(ServiceModel model, XElement entry, JsonObject shape, string path, List<WireViolation> violations)
    {
        var keyName = (string?)shape["key"]!["locationName"] ?? "key";
        var valueName = (string?)shape["value"]!["locationName"] ?? "value";
        foreach (var stray in entry.Elements().Where(e => e.Name.LocalName != keyName && e.Name.LocalName != valueName))
        {
            violations.Add(new($"{path}/{stray.Name.LocalName}", $"a map entry holds only <{keyName}> and <{valueName}>"));
        }

        foreach (var (name, part) in new[] { (keyName, "key"), (valueName, "value") })
        {
            var found = entry.Elements().Where(e => e.Name.LocalName == name).ToList();
            if (found.Count != 1)
            {
                violations.Add(new($"{path}/{name}", found.Count == 0 ? $"map entry without a {part}" : $"map entry with {found.Count} <{name}> elements"));
                continue;
            }

            Value(model, found[0], model.ShapeOf(shape[part]!), $"{path}/{name}", violations);
        }
    }

    private static void Value(ServiceModel model, XElement element, JsonObject shape, string path, List<WireViolation> violations)
    {
        switch (ServiceModel.Type(shape))
        {
            case "structure":
                Structure(model, element, shape, path, _ => false, violations);
                break;
            case "list":
                var itemName = (string?)shape["member"]!["locationName"] ?? "member";
                var items = element.Elements().ToList();
                ShapeRules.CheckLength(shape, items.Count, path, violations, "count");
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i].Name.LocalName != itemName)
                    {
                        violations.Add(new($"{path}/{items[i].Name.LocalName}", $"list items must be <{itemName}>"));
                        continue;
                    }

                    Value(model, items[i], model.ShapeOf(shape["member"]!), $"{path}/{itemName}[{i + 1}]", violations);
                }

                break;
            case "map":
                var entries = element.Elements().ToList();
                ShapeRules.CheckLength(shape, entries.Count, path, violations, "count");
                for (var i = 0; i < entries.Count; i++)
                {
                    if (entries[i].Name.LocalName != "entry")
                    {
                        violations.Add(new($"{path}/{entries[i].Name.LocalName}", "map entries must be <entry>"));
                        continue;
                    }

                    Entry(model, entries[i], shape, $"{path}/entry[{i + 1}]", violations);
                }

                break;
            default:
                if (element.HasElements)
                {
                    violations.Add(new(path, $"a {ServiceModel.Type(shape)} cannot have child elements"));
                }
                else
                {
                    ShapeRules.CheckText(shape, element.Value, path, violations);
                }

                break;
        }
    }
}
