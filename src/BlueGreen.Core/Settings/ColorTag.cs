namespace BlueGreen.Core.Settings;

/// <summary>
/// The tag that marks fleets: <see cref="Blue"/> names the live fleet, whatever generation it is,
/// <see cref="Green"/> the one being deployed. Values must differ.
/// </summary>
public sealed record ColorTag(string Key = ColorTag.DefaultKey, string Blue = "blue", string Green = "green")
{
    public const string DefaultKey = "bluegreen:color";

    public static ColorTag Default { get; } = new();
}
