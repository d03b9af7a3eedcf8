using BlueGreen.Core.Settings;

namespace BlueGreen.Core.Internal;

/// <summary>Reads a CodeDeploy <c>revision</c>: exactly one of <c>s3</c> or <c>github</c>.</summary>
internal static class RevisionReader
{
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
        if (bucket is not null && !Rules.Bucket().IsMatch(bucket))
        {
            reader.Problems.Add(reader.At("bucket"), $"\"{ObjectReader.Shorten(bucket)}\" is not an S3 bucket name", "use 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit");
        }

        var key = reader.String("key", required: true, "give the object key of the revision bundle, e.g. \"releases/app.zip\"");
        if (key is not null && (key.Length is 0 or > 1024 || Rules.HasControlCharacters(key)))
        {
            reader.Problems.Add(reader.At("key"), "is not a usable S3 object key", "use 1 to 1024 characters without control characters");
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
        if (repository is not null && !Rules.GitHubRepository().IsMatch(repository))
        {
            reader.Problems.Add(reader.At("repository"), $"\"{ObjectReader.Shorten(repository)}\" is not a GitHub repository", "use \"owner/repo\"");
        }

        var commitId = reader.String("commitId", required: true, fix);
        if (commitId is not null && !Rules.CommitId().IsMatch(commitId))
        {
            reader.Problems.Add(reader.At("commitId"), $"\"{ObjectReader.Shorten(commitId)}\" is not a full commit SHA", "use the 40 lowercase hexadecimal digits of the commit (git rev-parse HEAD)");
        }

        reader.RejectUnknown();
        return repository is null || commitId is null ? null : new GitHubRevision(repository, commitId);
    }
}
