using System.Globalization;

namespace BlueGreen.Cli.Deploying;

/// <summary>
/// The name <c>bluegreen deploy</c> gives its execution, so a person finds it in the console and in
/// <c>bluegreen history</c>: application, the AMI's hex digits and the UTC start time, e.g.
/// <c>shop-0abc1234def567890-20261202-071500</c> (<c>-dry-run</c> appended for a dry run). At most
/// 32 + 1 + 17 + 1 + 15 + 8 = 74 characters of <c>[a-z0-9-]</c>: valid for Step Functions (80).
/// </summary>
internal static class ExecutionName
{
    public static string For(string application, string imageId, DateTimeOffset now, bool dryRun) =>
        $"{application}-{imageId["ami-".Length..]}-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}{(dryRun ? "-dry-run" : "")}";
}
