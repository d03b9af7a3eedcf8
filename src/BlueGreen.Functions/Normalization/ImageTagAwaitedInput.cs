using System.Text.Json;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Normalization;

/// <summary>Recognizes NormalizeRequest's own <see cref="ImageTagAwaited"/> coming back as its
/// input after the ASL's wait: the image event inside is read again.</summary>
internal static class ImageTagAwaitedInput
{
    public static ImageTagAwaited? TryRead(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object
            || !input.TryGetProperty(ImageTagAwaited.Property, out _)
            || !input.TryGetProperty("event", out var wrapped)
            || wrapped.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return input.Deserialize(FunctionJsonContext.Default.ImageTagAwaited);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
