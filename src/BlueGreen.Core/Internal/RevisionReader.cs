using System.Text.RegularExpressions;
using BlueGreen.Core.Settings;

namespace BlueGreen.Core.Internal;

/// <summary>
/// Reads a CodeDeploy <c>revision</c>: exactly one of <c>s3</c> or <c>github</c>. Its shapes are
/// those of the settings schema's <c>$defs/revision</c> (settings are validated against it;
/// requests are checked here against the same patterns, named by the schema's titles).
/// </summary>
internal static class RevisionReader
{
    private const string Bucket = "/$defs/revision/properties/s3/properties/bucket";
    private const string Key = "/$defs/revision/properties/s3/properties/key";
    private const string Repository = "/$defs/revision/properties/github/properties/repository";
    private const string CommitId = "/$defs/revision/properties/github/properties/commitId";

    private static readonly Lazy<Regex> BucketShape = Shape(Bucket);
    private static readonly Lazy<Regex> KeyShape = Shape(Key);
    private static readonly Lazy<Regex> RepositoryShape = Shape(Repository);
    private static readonly Lazy<Regex> CommitIdShape = Shape(CommitId);

    public const string Fix =
        "use {\"s3\": {\"bucket\": \"my-bucket\", \"key\": \"app.zip\", \"bundleType\": \"zip\"}} or {\"github\": {\"repository\": \"owner/repo\", \"commitId\": \"<40 hex digits>\"}}";

    public static CodeDeployRevision? Read(ObjectReader parent, string name, bool required)
    {
        var reader = parent.Object(name, required, Fix);
        if (reader is null)
        {
            return null;
        }

        var s3 = ReadS3(reader);
        var github = ReadGitHub(reader);
        reader.RejectUnknown();

        var given = (reader.Optional("s3") is null ? 0 : 1) + (reader.Optional("github") is null ? 0 : 1);
        if (given != 1)
        {
            reader.Problems.Add(reader.Path, given == 0 ? "names no revision" : "gives both s3 and github", $"give exactly one of s3 or github: {Fix}");
            return null;
        }

        return s3 is null && github is null ? null : new CodeDeployRevision(s3, github);
    }

    private static S3Revision? ReadS3(ObjectReader parent)
    {
        const string fix = "give bucket, key and bundleType (zip, tar or tgz)";
        var reader = parent.Object("s3", required: false, fix);
        if (reader is null)
        {
            return null;
        }

        var bucket = reader.String("bucket", required: true, "give the S3 bucket that holds the revision bundle");
        Check(reader, "bucket", bucket, BucketShape, Bucket);

        var key = reader.String("key", required: true, "give the object key of the revision bundle, e.g. \"releases/app.zip\"");
        if (key is not null && (key.Length < SettingsSchema.Limit(Key, "minLength") || key.Length > SettingsSchema.Limit(Key, "maxLength")))
        {
            reader.Problems.Add(reader.At("key"), $"is not {SettingsSchema.TitleAt(Key)}", SettingsSchema.DescriptionAt(Key));
        }
        else
        {
            Check(reader, "key", key, KeyShape, Key);
        }

        var bundleType = EnumNames.Read(reader, "bundleType", EnumNames.BundleTypes, required: true, "bundle type");
        var version = reader.String("version", required: false, "give the S3 object version id, or leave it out for the latest");
        var eTag = reader.String("eTag", required: false, "give the object's ETag, or leave it out");
        reader.RejectUnknown();
        return bucket is null || key is null || bundleType is null ? null : new S3Revision(bucket, key, bundleType.Value, version, eTag);
    }

    private static GitHubRevision? ReadGitHub(ObjectReader parent)
    {
        const string fix = "give repository (\"owner/repo\") and commitId (the full 40-digit commit SHA)";
        var reader = parent.Object("github", required: false, fix);
        if (reader is null)
        {
            return null;
        }

        var repository = reader.String("repository", required: true, fix);
        Check(reader, "repository", repository, RepositoryShape, Repository);

        var commitId = reader.String("commitId", required: true, fix);
        Check(reader, "commitId", commitId, CommitIdShape, CommitId);

        reader.RejectUnknown();
        return repository is null || commitId is null ? null : new GitHubRevision(repository, commitId);
    }

    private static void Check(ObjectReader reader, string name, string? value, Lazy<Regex> shape, string pointer)
    {
        if (value is not null && !shape.Value.IsMatch(value))
        {
            reader.Problems.Add(reader.At(name), $"\"{ObjectReader.Shorten(value)}\" is not {SettingsSchema.TitleAt(pointer)}", SettingsSchema.DescriptionAt(pointer));
        }
    }

    private static Lazy<Regex> Shape(string pointer) => new(() => new Regex(SettingsSchema.Pattern(pointer), RegexOptions.CultureInvariant));
}
