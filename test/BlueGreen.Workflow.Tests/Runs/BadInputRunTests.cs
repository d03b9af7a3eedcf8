using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Runs;

/// <summary>
/// Inputs a user can get wrong, each run through the real state machine: the execution fails with
/// the named error, the cause says what to fix, and nothing anywhere is written.
/// </summary>
[Collection(WorkflowCloudCollection.Name)]
public sealed class BadInputRunTests(WorkflowCloud cloud)
{
    /// <summary>{app} and {ami} are a valid application and its AMI; {untagged} an AMI of this account
    /// tagged for no application; {foreign} an AMI of another account.</summary>
    public static TheoryData<string, string, string, string> Inputs => new()
    {
        { "input is not an object", "\"deploy shop please\"", "InvalidRequest", "object" },
        { "input is an array", "[]", "InvalidRequest", "object" },
        { "empty request", "{}", "InvalidRequest", "$.application" },
        { "application name with capitals", """{ "application": "Shop!", "imageId": "{ami}" }""", "InvalidRequest", "$.application" },
        { "AMI id malformed", """{ "application": "{app}", "imageId": "ami-xyz" }""", "InvalidRequest", "$.imageId" },
        { "unknown strategy", """{ "application": "{app}", "imageId": "{ami}", "strategy": "purple" }""", "InvalidRequest", "$.strategy" },
        { "canary percent 0", """{ "application": "{app}", "imageId": "{ami}", "strategy": "weighted", "traffic": { "type": "Canary", "percent": 0 } }""", "InvalidRequest", "$.traffic.percent" },
        { "linear percent 101", """{ "application": "{app}", "imageId": "{ami}", "strategy": "weighted", "traffic": { "type": "Linear", "percent": 101 } }""", "InvalidRequest", "$.traffic.percent" },
        { "negative interval", """{ "application": "{app}", "imageId": "{ami}", "strategy": "weighted", "traffic": { "type": "Linear", "percent": 10, "intervalSeconds": -5 } }""", "InvalidRequest", "$.traffic.intervalSeconds" },
        { "misspelt property", """{ "application": "{app}", "imageId": "{ami}", "strategey": "swap" }""", "InvalidRequest", "strategey" },
        { "revision bundle type", """{ "application": "{app}", "imageId": "{ami}", "codeDeploy": { "revision": { "s3": { "bucket": "b", "key": "k", "bundleType": "rar" } } } }""", "InvalidRequest", "bundleType" },
        { "dryRun not a boolean", """{ "application": "{app}", "imageId": "{ami}", "dryRun": "yes" }""", "InvalidRequest", "$.dryRun" },
        { "reason too long", """{ "application": "{app}", "imageId": "{ami}", "reason": "{long}" }""", "InvalidRequest", "$.reason" },
        { "application without settings", """{ "application": "nosettings", "imageId": "{untagged}" }""", "InvalidRequest", "/bluegreen/applications/nosettings" },
        { "weighted override without weighted settings", """{ "application": "{app}", "imageId": "{ami}", "strategy": "weighted" }""", "InvalidRequest", "weighted" },
        { "AMI that does not exist", """{ "application": "{app}", "imageId": "ami-0123456789abcdef0" }""", "ImageNotAllowed", "does not exist" },
        { "AMI of a foreign owner", """{ "application": "{app}", "imageId": "{foreign}" }""", "ImageNotAllowed", "allowedImageOwners" },
        { "liveGroup names no group (found by DescribeLive, still before the lock)", """{ "application": "{app}", "imageId": "{ami}" }""", "LiveGroupNotFound", "liveGroup" },
        { "nested 200 levels deep", """{ "application": "{app}", "imageId": "{ami}", "reason": {deep} }""", "InvalidRequest", "cannot be read as JSON" },
        { "NaN for a number", """{ "application": "{app}", "imageId": "{ami}", "strategy": "weighted", "traffic": { "type": "Linear", "percent": NaN } }""", "InvalidRequest", "NaN" },
        { "Infinity for a number", """{ "application": "{app}", "imageId": "{ami}", "strategy": "weighted", "traffic": { "type": "Linear", "intervalSeconds": -Infinity } }""", "InvalidRequest", "Infinity" },
        { "number beyond a double", """{ "application": "{app}", "imageId": "{ami}", "strategy": "weighted", "traffic": { "type": "Canary", "percent": 1e400 } }""", "InvalidRequest", "too large" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Execution_BadInput_FailsByNameSaysWhatToFixWritesNothing(string mistake, string template, string error, string hint)
    {
        var (application, image) = await cloud.SeedApplicationAsync();
        var untagged = await cloud.CreateImageAsync(tagged: null);
        var foreign = (await cloud.Aws.Ec2.DescribeImagesAsync(new() { Owners = ["amazon"] }))[0].ImageId;
        var input = template
            .Replace("{app}", application, StringComparison.Ordinal)
            .Replace("{ami}", image, StringComparison.Ordinal)
            .Replace("{foreign}", foreign, StringComparison.Ordinal)
            .Replace("{untagged}", untagged, StringComparison.Ordinal)
            .Replace("{long}", new string('x', 300), StringComparison.Ordinal)
            .Replace("{deep}", new string('[', 200) + new string(']', 200), StringComparison.Ordinal);
        var before = cloud.Cloud.Calls.Snapshot();

        var result = await cloud.RunAsync(input);

        Assert.True(result.Status == "FAILED" && result.Error == error, $"{mistake}: {result.Status} {result.Error} {result.Cause}");
        var cause = result.ParsedCause();
        Assert.Contains(hint, cause["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(cause["rolledBack"]!.GetValue<bool>());
        Assert.Equal(0, WorkflowCloud.ResourceWrites(before, cloud.Cloud.Calls.Snapshot()));
    }
}
