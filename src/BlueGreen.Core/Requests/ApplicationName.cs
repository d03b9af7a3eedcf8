using BlueGreen.Core.Internal;

namespace BlueGreen.Core.Requests;

/// <summary>
/// Application names: 1–32 of <c>[a-z0-9-]</c>, starting with a letter, not ending with a hyphen.
/// That is a valid SSM parameter path segment, ASG/launch-template name prefix, tag value, DNS
/// label and CodeDeploy name, and short enough that derived names stay far below AWS limits.
/// </summary>
public static class ApplicationName
{
    public const int MaxLength = 32;
    public const string Pattern = "^[a-z](?:[a-z0-9-]{0,30}[a-z0-9])?$";

    public static bool IsValid(string? name) => name is not null && Rules.Application().IsMatch(name);
}
