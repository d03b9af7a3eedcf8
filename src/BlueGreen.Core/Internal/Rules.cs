using System.Text.RegularExpressions;

namespace BlueGreen.Core.Internal;

/// <summary>
/// Shapes of the identifiers in requests and events, each with the fix text a user sees. The
/// shapes inside settings (ARNs, names, revisions) are the settings schema's.
/// </summary>
internal static partial class Rules
{
    public const string ApplicationFix =
        "use 1 to 32 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (e.g. \"shop\")";

    public const string ImageIdFix = "use an AMI id: \"ami-\" followed by 8 to 17 lowercase hexadecimal digits (e.g. \"ami-0abc1234def567890\")";

    [GeneratedRegex(Requests.ApplicationName.Pattern)]
    public static partial Regex Application();

    [GeneratedRegex(Requests.ImageId.Pattern)]
    public static partial Regex ImageId();

    [GeneratedRegex("^arn:aws[a-z-]*:imagebuilder:[a-z0-9-]+:[0-9]{12}:image/[A-Za-z0-9_-]+/[0-9]+\\.[0-9]+\\.[0-9]+(/[0-9]+)?$")]
    public static partial Regex ImageBuilderImageArn();
}
