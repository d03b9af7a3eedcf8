using System.Globalization;
using System.Xml.Linq;
using BlueGreen.Local.Calls;

namespace BlueGreen.Local.Sample;

/// <summary>
/// Reads the weights out of the gateway's journal of writes: each ModifyListener/ModifyRule form
/// (target group → weight) and each Route 53 ChangeResourceRecordSets batch (set identifier →
/// weight), in the order they were sent. What the tests and the demo show as "the weights observed".
/// </summary>
public static class TrafficWrites
{
    public static bool IsWeightWrite(RecordedWrite write) =>
        write.Operation is "ModifyListener" or "ModifyRule" or "ChangeResourceRecordSets";

    /// <summary>Member (target group ARN or set identifier) → weight, for a weight write; else empty.</summary>
    public static IReadOnlyDictionary<string, int> Weights(RecordedWrite write) => write.Operation switch
    {
        "ModifyListener" or "ModifyRule" => FormWeights(write.Body),
        "ChangeResourceRecordSets" => RecordWeights(write.Body),
        _ => new Dictionary<string, int>(),
    };

    private static Dictionary<string, int> FormWeights(string body)
    {
        var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Decode(p[0]), p => p.Length > 1 ? Decode(p[1]) : "", StringComparer.Ordinal);
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, arn) in form.Where(f => f.Key.EndsWith(".TargetGroupArn", StringComparison.Ordinal) && f.Key.Contains(".TargetGroups.", StringComparison.Ordinal)))
        {
            var weightKey = key[..^".TargetGroupArn".Length] + ".Weight";
            weights[arn] = form.TryGetValue(weightKey, out var weight) ? int.Parse(weight, CultureInfo.InvariantCulture) : 1;
        }

        return weights;
    }

    private static Dictionary<string, int> RecordWeights(string body) =>
        XDocument.Parse(body).Descendants()
            .Where(e => e.Name.LocalName == "ResourceRecordSet")
            .Select(r => (Id: Child(r, "SetIdentifier"), Weight: Child(r, "Weight")))
            .Where(r => r.Id is not null && r.Weight is not null)
            .GroupBy(r => r.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => int.Parse(g.First().Weight!, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static string? Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
