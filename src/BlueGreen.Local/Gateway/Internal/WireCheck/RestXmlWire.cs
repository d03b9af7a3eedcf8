using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace BlueGreen.Local.Gateway.Internal.WireCheck;

/// <summary>REST-XML (Route 53): method and path name the operation; the body, when the input has
/// body members, is one root element named by the input's locationName in its xmlNamespace, whose
/// children are members by locationName (lists wrap items named by the member's locationName).</summary>
internal sealed class RestXmlWire : IWireProtocol
{
    public WireVerdict Check(ServiceModel model, WireRequest request)
    {
        var violations = new List<WireViolation>();
        if (RestRequest.Match(model, request) is not var (name, operation, labels))
        {
            violations.Add(new(request.Path, $"no operation of {model.Name} answers {request.Method} {request.Path}"));
            return new WireVerdict(model.Name, request.Path, violations);
        }

        var input = model.Input(operation);
        var elsewhere = RestRequest.CheckLocations(model, operation, input, labels, request, violations);
        var bodyMembers = ServiceModel.Members(input).Where(m => !elsewhere(m.Member)).ToList();
        if (request.Body.Length == 0)
        {
            foreach (var required in ServiceModel.Required(input).Where(r => bodyMembers.Any(m => m.Name == r)))
            {
                violations.Add(new(required, "required element missing (no body)"));
            }

            return new WireVerdict(model.Name, name, violations);
        }

        XElement root;
        try
        {
            root = XDocument.Parse(System.Text.Encoding.UTF8.GetString(request.Body)).Root!;
        }
        catch (XmlException exception)
        {
            violations.Add(new("(body)", $"not XML: {exception.Message}"));
            return new WireVerdict(model.Name, name, violations);
        }

        var rootName = (string?)input["locationName"] ?? (string?)operation["input"]?["locationName"] ?? name + "Request";
        var ns = (string?)(input["xmlNamespace"] ?? operation["input"]?["xmlNamespace"])?["uri"];
        if (root.Name.LocalName != rootName)
        {
            violations.Add(new(root.Name.LocalName, $"the root element must be {rootName}"));
        }

        if (ns is not null && root.Name.NamespaceName != ns)
        {
            violations.Add(new(root.Name.LocalName, $"the root element's namespace must be {ns}, not '{root.Name.NamespaceName}'"));
        }

        Structure(model, root, input, rootName, elsewhere, violations);
        return new WireVerdict(model.Name, name, violations);
    }

    private static void Structure(ServiceModel model, XElement element, JsonObject shape, string path, Func<JsonObject, bool> elsewhere, List<WireViolation> violations)
    {
        var members = ServiceModel.Members(shape).Where(m => !elsewhere(m.Member)).ToDictionary(m => (string?)m.Member["locationName"] ?? m.Name, m => m);
        foreach (var child in element.Elements())
        {
            var childPath = $"{path}/{child.Name.LocalName}";
            if (!members.TryGetValue(child.Name.LocalName, out var member))
            {
                violations.Add(new(childPath, "no such element in the model"));
                continue;
            }

            Value(model, child, model.ShapeOf(member.Member), childPath, violations);
        }

        foreach (var required in ServiceModel.Required(shape))
        {
            var member = members.Values.FirstOrDefault(m => m.Name == required);
            var wireName = (string?)member.Member?["locationName"] ?? required;
            if (member.Member is not null && !element.Elements().Any(e => e.Name.LocalName == wireName))
            {
                violations.Add(new($"{path}/{wireName}", "required element missing"));
            }
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
