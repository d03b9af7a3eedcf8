using System.Text.RegularExpressions;

namespace BlueGreen.Local.ImageBuilder.Internal;

/// <summary>Image ARNs: <c>arn:aws:imagebuilder:&lt;region&gt;:&lt;account&gt;:image/&lt;name&gt;/&lt;version&gt;[/&lt;build&gt;]</c>,
/// with the botocore model's patterns.</summary>
internal static partial class ImageArn
{
    // ImageVersionArnOrBuildVersionArn in the 2019-12-02 model.
    public const string VersionOrBuildPattern =
        @"^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):image/[a-z0-9-_]+/(?:(?:([0-9]+|x)\.([0-9]+|x)\.([0-9]+|x))|(?:[0-9]+\.[0-9]+\.[0-9]+/[0-9]+))$";

    // ImageVersionArn in the model.
    public const string VersionPattern =
        @"^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):image/[a-z0-9-_]+/[0-9]+\.[0-9]+\.[0-9]+$";

    public static string Version(string region, string accountId, string name, string version) =>
        $"arn:aws:imagebuilder:{region}:{accountId}:image/{name}/{version}";

    /// <summary>The version ARN of a build ARN (the build number dropped).</summary>
    public static string VersionOf(string buildArn) => buildArn[..buildArn.LastIndexOf('/')];

    public static bool IsVersionOrBuild(string arn) => VersionOrBuild().IsMatch(arn);

    public static bool IsVersion(string arn) => VersionOnly().IsMatch(arn);

    /// <summary>Does the build <paramref name="image"/> answer to <paramref name="arn"/>: its own
    /// ARN, or its version's, where any version part may be "x"?</summary>
    public static bool Matches(string arn, StoredImage image)
    {
        if (arn == image.Arn)
        {
            return true;
        }

        var versionArn = VersionOf(image.Arn);
        var prefix = versionArn[..(versionArn.LastIndexOf('/') + 1)];
        if (!arn.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var wanted = arn[prefix.Length..].Split('.');
        var actual = image.Version.Split('.');
        return wanted.Length == 3 && wanted.Zip(actual).All(p => p.First == "x" || p.First == p.Second);
    }

    [GeneratedRegex(VersionOrBuildPattern)]
    private static partial Regex VersionOrBuild();

    [GeneratedRegex(VersionPattern)]
    private static partial Regex VersionOnly();
}
