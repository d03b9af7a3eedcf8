using System.Text.Json.Serialization;

namespace BlueGreen.Core.Settings;

/// <summary>What happens to blue after cutover.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BlueAction>))]
public enum BlueAction
{
    [JsonStringEnumMemberName("terminate")] Terminate,
    [JsonStringEnumMemberName("scaleToZero")] ScaleToZero,
    [JsonStringEnumMemberName("keep")] Keep,
}
