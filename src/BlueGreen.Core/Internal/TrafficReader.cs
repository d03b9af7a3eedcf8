using BlueGreen.Core.Settings;

namespace BlueGreen.Core.Internal;

/// <summary>Reads a <c>traffic</c> object, the same in requests and settings.</summary>
internal static class TrafficReader
{
    public const string Fix =
        "use {\"type\": \"AllAtOnce\"}, {\"type\": \"Canary\", \"percent\": 10, \"intervalSeconds\": 300} or {\"type\": \"Linear\", \"percent\": 25, \"intervalSeconds\": 60}";

    public static TrafficSettings? Read(ObjectReader parent, string name)
    {
        var reader = parent.Object(name, required: false, Fix);
        if (reader is null)
        {
            return null;
        }

        var type = EnumNames.Read(reader, "type", EnumNames.TrafficTypes, required: true, "traffic type");
        var (min, max, percentFix) = type switch
        {
            TrafficType.Canary => (1, 99, "give the share of traffic the canary step sends to green, 1 to 99 (100 would be AllAtOnce)"),
            _ => (1, 100, "give the share of traffic each Linear step adds to green, 1 to 100"),
        };
        var percent = reader.Int("percent", min, max, required: type is TrafficType.Canary or TrafficType.Linear, percentFix);
        var interval = reader.Int(
            "intervalSeconds",
            0,
            TrafficSettings.MaxIntervalSeconds,
            required: false,
            $"give the seconds to watch each step before the next, 0 to {TrafficSettings.MaxIntervalSeconds} (default {TrafficSettings.DefaultIntervalSeconds})");
        reader.RejectUnknown();

        if (type == TrafficType.AllAtOnce)
        {
            foreach (var extra in new[] { "percent", "intervalSeconds" }.Where(p => reader.Optional(p) is not null))
            {
                reader.Problems.Add(reader.At(extra), "applies only to Canary and Linear traffic", $"remove {extra}, or set type to Canary or Linear");
            }

            return TrafficSettings.AllAtOnce;
        }

        return type is { } t && percent is { } p
            ? new TrafficSettings(t, p, interval ?? TrafficSettings.DefaultIntervalSeconds)
            : null;
    }
}
