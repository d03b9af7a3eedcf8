using BlueGreen.Core.Settings;

namespace BlueGreen.Core.Internal;

/// <summary>The JSON names of the enums, without reflection (AOT), for parsing and messages.</summary>
internal static class EnumNames
{
    public static readonly IReadOnlyDictionary<string, DeploymentStrategy> Strategies = new Dictionary<string, DeploymentStrategy>
    {
        ["swap"] = DeploymentStrategy.Swap,
        ["weighted"] = DeploymentStrategy.Weighted,
        ["dns"] = DeploymentStrategy.Dns,
        ["in-group"] = DeploymentStrategy.InGroup,
    };

    public static readonly IReadOnlyDictionary<string, TrafficType> TrafficTypes = new Dictionary<string, TrafficType>
    {
        ["AllAtOnce"] = TrafficType.AllAtOnce,
        ["Canary"] = TrafficType.Canary,
        ["Linear"] = TrafficType.Linear,
    };

    public static readonly IReadOnlyDictionary<string, BundleType> BundleTypes = new Dictionary<string, BundleType>
    {
        ["zip"] = BundleType.Zip,
        ["tar"] = BundleType.Tar,
        ["tgz"] = BundleType.Tgz,
    };

    public static readonly IReadOnlyDictionary<string, BlueAction> BlueActions = new Dictionary<string, BlueAction>
    {
        ["terminate"] = BlueAction.Terminate,
        ["scaleToZero"] = BlueAction.ScaleToZero,
        ["keep"] = BlueAction.Keep,
    };

    public static string Name(DeploymentStrategy strategy) => Strategies.First(p => p.Value == strategy).Key;

    public static string Name(TrafficType type) => TrafficTypes.First(p => p.Value == type).Key;

    /// <summary>Reads a string property that must be one of <paramref name="names"/>.</summary>
    public static T? Read<T>(ObjectReader reader, string name, IReadOnlyDictionary<string, T> names, bool required, string what)
        where T : struct, Enum
    {
        var allowed = string.Join(", ", names.Keys);
        var fix = $"set {what} to one of {allowed}";
        var text = reader.String(name, required, fix);
        if (text is null)
        {
            return null;
        }

        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        var suggestion = Spelling.Closest(text, names.Keys);
        reader.Problems.Add(
            reader.At(name),
            $"\"{ObjectReader.Shorten(text)}\" is not a known {what}",
            suggestion is null ? fix : $"did you mean \"{suggestion}\"? Use one of {allowed}");
        return null;
    }
}
