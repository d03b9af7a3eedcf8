using System.Globalization;
using System.Xml.Linq;

namespace BlueGreen.Local.Calls;

/// <summary>The writes that change which fleet serves (target group attachments and registrations,
/// listener or rule weights, Route 53 records), and the weights they carry as the gateway's journal
/// recorded them: what the tests and the demo show as "the weights observed".</summary>
public static class TrafficWrites
{
    private static readonly HashSet<string> Operations = new(StringComparer.Ordinal)
    {
        "AttachLoadBalancerTargetGroups", "DetachLoadBalancerTargetGroups", "RegisterTargets", "DeregisterTargets",
        "ModifyListener", "ModifyRule", "ChangeResourceRecordSets", "EnterStandby", "ExitStandby",
    };

    public static bool Moves(string operation) => Operations.Contains(operation);

    /// <summary>From the failing check (its task's failure in the history) to the rollback's first
    /// traffic write (functions are named by their template logical id); null when the rollback made none.</summary>
    public static TimeSpan? RestoredAfter(DateTimeOffset failedAt, IReadOnlyList<RecordedWrite> writes) =>
        writes.FirstOrDefault(w => w.Function == "RollBackFunction" && Moves(w.Operation) && w.At >= failedAt) is { } restore
            ? restore.At - failedAt
            : null;

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
