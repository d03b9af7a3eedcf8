using System.Globalization;
using System.Xml.Linq;

namespace BlueGreen.Aws.Internal.Protocols;

/// <summary>Namespace-blind reading of AWS XML responses (each service has its own namespace).</summary>
internal static class Xml
{
    public static XElement? Child(this XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static string? Text(this XElement element, string name) => element.Child(name)?.Value;

    public static string Required(this XElement element, string name) =>
        element.Text(name) ?? throw new FormatException($"AWS response element <{element.Name.LocalName}> has no <{name}>.");

    public static int? Int(this XElement element, string name) =>
        element.Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    public static long? Long(this XElement element, string name) =>
        element.Text(name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : null;

    public static bool? Bool(this XElement element, string name) =>
        element.Text(name) is { } text ? bool.Parse(text) : null;

    public static DateTimeOffset? Time(this XElement element, string name) =>
        element.Text(name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    /// <summary>The items of a list element: <c>member</c> children in Query responses, named
    /// children in REST-XML ones. Empty when the list is absent.</summary>
    public static IEnumerable<XElement> List(this XElement element, string name) =>
        element.Child(name)?.Elements() ?? [];

    public static IReadOnlyList<string> Strings(this XElement element, string name) =>
        element.List(name).Select(e => e.Value).ToList();

    public static XElement? Descendant(this XElement element, string name) =>
        element.Descendants().FirstOrDefault(e => e.Name.LocalName == name);
}
