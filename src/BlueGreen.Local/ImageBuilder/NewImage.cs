using System.Text.RegularExpressions;

namespace BlueGreen.Local.ImageBuilder;

/// <summary>An image build to record as finished, as if a pipeline had built it
/// (<c>POST /_bluegreen/imagebuilder/images</c>).</summary>
/// <param name="Name">The recipe's name as it appears in ARNs: lower case, digits, '-' and '_'.</param>
/// <param name="Version">Semantic version, e.g. "1.0.0".</param>
/// <param name="Amis">The AMIs it distributed; at least one when <see cref="Status"/> is AVAILABLE.</param>
public sealed partial record NewImage(string Name, string Version, IReadOnlyList<NewImageAmi> Amis)
{
    /// <summary>The status the build ended in: AVAILABLE, FAILED or CANCELLED.</summary>
    public string Status { get; init; } = "AVAILABLE";

    /// <summary>The state's reason (e.g. why it FAILED); none when null.</summary>
    public string? Reason { get; init; }

    public static IReadOnlySet<string> EndStatuses { get; } = new HashSet<string>(StringComparer.Ordinal) { "AVAILABLE", "FAILED", "CANCELLED" };

    /// <exception cref="ArgumentException">What is wrong, naming the field.</exception>
    public NewImage Validated()
    {
        if (string.IsNullOrEmpty(Name) || !NamePattern().IsMatch(Name))
        {
            throw new ArgumentException($"name must match ^[a-z0-9-_]+$ (as in an image ARN), got '{Name}'");
        }

        if (string.IsNullOrEmpty(Version) || !VersionPattern().IsMatch(Version))
        {
            throw new ArgumentException($"version must be major.minor.patch, e.g. 1.0.0, got '{Version}'");
        }

        if (!EndStatuses.Contains(Status))
        {
            throw new ArgumentException($"status must be one of {string.Join(", ", EndStatuses)}, got '{Status}'");
        }

        if (Status == "AVAILABLE" && Amis.Count == 0)
        {
            throw new ArgumentException("amis must name at least one AMI ({\"region\": \"us-east-1\", \"image\": \"ami-…\"}) for an AVAILABLE image");
        }

        for (var i = 0; i < Amis.Count; i++)
        {
            var ami = Amis[i];
            if (string.IsNullOrWhiteSpace(ami.Region))
            {
                throw new ArgumentException($"amis[{i}].region is required, e.g. us-east-1");
            }

            if (string.IsNullOrEmpty(ami.Image) || !AmiPattern().IsMatch(ami.Image))
            {
                throw new ArgumentException($"amis[{i}].image must be an AMI id (ami-…), got '{ami.Image}'");
            }
        }

        return this;
    }

    [GeneratedRegex("^[a-z0-9-_]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+\.[0-9]+$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^ami-[0-9a-zA-Z]+$")]
    private static partial Regex AmiPattern();
}
