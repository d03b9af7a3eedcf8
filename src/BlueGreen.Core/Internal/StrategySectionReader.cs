using BlueGreen.Core.Settings;

namespace BlueGreen.Core.Internal;

/// <summary>Reads the strategy-specific settings sections (<c>weighted</c>, <c>dns</c>, <c>pair</c>).</summary>
internal static class StrategySectionReader
{
    public static WeightedSettings? ReadWeighted(ObjectReader parent)
    {
        var reader = parent.Object("weighted", required: false, "give listenerArn, ruleArn (or null) and two targetGroupArns");
        if (reader is null)
        {
            return null;
        }

        var listener = ArnReader.Arn(reader, "listenerArn", required: true, Rules.ListenerArn(), Rules.ListenerArnFix);
        var rule = ArnReader.Arn(reader, "ruleArn", required: false, Rules.RuleArn(), Rules.RuleArnFix);
        var groups = ArnReader.Arns(reader, "targetGroupArns", Rules.TargetGroupArn(), Rules.TargetGroupArnFix, required: true);
        reader.RejectUnknown();
        return new WeightedSettings(listener ?? "", rule, groups ?? []);
    }

    public static DnsSettings? ReadDns(ObjectReader parent)
    {
        var reader = parent.Object("dns", required: false, "give hostedZoneId, recordName and two colors");
        if (reader is null)
        {
            return null;
        }

        var zone = reader.String("hostedZoneId", required: true, "give the Route 53 hosted zone id, e.g. Z0123456789ABCDEFGHIJ");
        if (zone is not null && !Rules.HostedZoneId().IsMatch(zone))
        {
            reader.Problems.Add(reader.At("hostedZoneId"), $"\"{ObjectReader.Shorten(zone)}\" is not a hosted zone id", "use the zone's id: uppercase letters and digits, e.g. Z0123456789ABCDEFGHIJ");
        }

        var name = reader.String("recordName", required: true, "give the weighted record's name, e.g. shop.example.com.");
        if (name is not null && !Rules.DnsName().IsMatch(name))
        {
            reader.Problems.Add(reader.At("recordName"), $"\"{ObjectReader.Shorten(name)}\" is not a DNS name", "use a name such as shop.example.com. (labels of letters, digits and hyphens)");
        }

        var colors = reader.Objects("colors", required: true, "give two objects {setIdentifier, loadBalancerArn, targetGroupArn}", color =>
        {
            var id = color.String("setIdentifier", required: true, "give the weighted record's SetIdentifier");
            if (id is not null && id.Length is 0 or > 128)
            {
                color.Problems.Add(color.At("setIdentifier"), "must be 1 to 128 characters", "use the record's SetIdentifier");
            }

            var lb = ArnReader.Arn(color, "loadBalancerArn", required: true, Rules.LoadBalancerArn(), Rules.LoadBalancerArnFix);
            var tg = ArnReader.Arn(color, "targetGroupArn", required: true, Rules.TargetGroupArn(), Rules.TargetGroupArnFix);
            color.RejectUnknown();
            return new DnsColor(id ?? "", lb ?? "", tg ?? "");
        });
        reader.RejectUnknown();
        return new DnsSettings(zone ?? "", name ?? "", colors ?? []);
    }

    public static PairSettings? ReadPair(ObjectReader parent)
    {
        const string fix = "give the two Auto Scaling group names, e.g. {\"groups\": [\"shop-a\", \"shop-b\"]}";
        var reader = parent.Object("pair", required: false, fix);
        if (reader is null)
        {
            return null;
        }

        var groups = reader.Strings("groups", required: true, fix) ?? [];
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].Length is 0 or > 255 || Rules.HasControlCharacters(groups[i]))
            {
                reader.Problems.Add(JsonPath.Index(reader.At("groups"), i), "is not an Auto Scaling group name", "use 1 to 255 characters without control characters");
            }
        }

        reader.RejectUnknown();
        return new PairSettings(groups);
    }
}
