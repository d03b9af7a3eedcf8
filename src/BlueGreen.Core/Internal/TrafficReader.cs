using BlueGreen.Core.Settings;

namespace BlueGreen.Core.Internal;

/// <summary>
/// Reads a <c>traffic</c> object, the same in requests and settings. Its limits are those of the
/// settings schema's <c>$defs/traffic</c> (settings are validated against it; requests are checked
/// here against the same numbers); the rules that depend on the type are this reader's own.
/// </summary>
internal static class TrafficReader
{
    public const string Fix =
        "use {\"type\": \"AllAtOnce\"}, {\"type\": \"Canary\", \"percent\": 10, \"intervalSeconds\": 300} or {\"type\": \"Linear\", \"percent\": 25, \"intervalSeconds\": 60}";

    private const string Percent = "/$defs/traffic/properties/percent";
    private const string Interval = "/$defs/traffic/properties/intervalSeconds";

    /// <summary>A canary of 100 % would be AllAtOnce.</summary>
    private const int MaxCanaryPercent = 99;

    public static TrafficSettings? Read(ObjectReader parent, string name)
    {
        var reader = parent.Object(name, required: false, Fix);
        if (reader is null)
        {
            return null;
        }

        var type = EnumNames.Read(reader, "type", EnumNames.TrafficTypes, required: true, "traffic type");
        var (min, max) = (SettingsSchema.Limit(Percent, "minimum"), SettingsSchema.Limit(Percent, "maximum"));
        var (percentMax, percentFix) = type switch
        {
            TrafficType.Canary => (MaxCanaryPercent, $"give the share of traffic the canary step sends to green, {min} to {MaxCanaryPercent} ({max} would be AllAtOnce)"),
            _ => (max, $"give the share of traffic each Linear step adds to green, {min} to {max}"),
        };
        var percent = reader.Int("percent", min, percentMax, required: type is TrafficType.Canary or TrafficType.Linear, percentFix);
        var (intervalMin, intervalMax) = (SettingsSchema.Limit(Interval, "minimum"), SettingsSchema.Limit(Interval, "maximum"));
        var interval = reader.Int(
            "intervalSeconds",
            intervalMin,
            intervalMax,
            required: false,
            $"give the seconds to watch each step before the next, {intervalMin} to {intervalMax} (default {TrafficSettings.DefaultIntervalSeconds})");
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
