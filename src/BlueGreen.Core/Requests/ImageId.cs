using BlueGreen.Core.Internal;

namespace BlueGreen.Core.Requests;

/// <summary>AMI ids: <c>ami-</c> and 8 (old style) to 17 lowercase hexadecimal digits.</summary>
public static class ImageId
{
    public const string Pattern = "^ami-[0-9a-f]{8,17}$";

    public static bool IsValid(string? imageId) => imageId is not null && Rules.ImageId().IsMatch(imageId);
}
