using BlueGreen.Core.Errors;
using BlueGreen.Core.Requests;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Tests.TestSupport;

namespace BlueGreen.Core.Tests.Requests;

public sealed class TriggerParserTests
{
    private static string Bad(string name) => Fixture.Read("Requests", "Fixtures", name);

    [Fact]
    public void Parse_MinimalRequest_DefaultsEveryOverrideToNull()
    {
        var trigger = TriggerParser.Parse("""{"application": "shop", "imageId": "ami-12345678"}""");

        var request = Assert.IsType<RequestTrigger>(trigger).Request;
        Assert.Equal(new DeploymentRequest("shop", "ami-12345678"), request);
        Assert.Equal("shop", trigger.Application);
        Assert.Equal(TriggerKind.Request, trigger.Kind);
    }

    [Fact]
    public void Parse_GithubRevision_ReadsRepositoryAndCommit()
    {
        var trigger = TriggerParser.Parse("""
            {"application": "shop", "imageId": "ami-0abc1234def567890",
             "codeDeploy": {"revision": {"github": {"repository": "acme/shop", "commitId": "0123456789abcdef0123456789abcdef01234567"}}}}
            """);

        var revision = Assert.IsType<RequestTrigger>(trigger).Request.CodeDeploy!.Revision;
        Assert.Equal(new GitHubRevision("acme/shop", "0123456789abcdef0123456789abcdef01234567"), revision.GitHub);
        Assert.Null(revision.S3);
    }

    [Fact]
    public void Parse_LinearWithoutInterval_DefaultsIntervalTo60()
    {
        var trigger = TriggerParser.Parse("""{"application": "shop", "imageId": "ami-12345678", "traffic": {"type": "Linear", "percent": 20}}""");

        Assert.Equal(TrafficSettings.Linear(20, 60), Assert.IsType<RequestTrigger>(trigger).Request.Traffic);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_EmptyInput_SaysInputIsEmpty(string input) =>
        ProblemAssert.Throws(() => TriggerParser.Parse(input), "$", "the input is empty");

    [Theory]
    [InlineData("malformed.json", "$", "is not valid JSON at line 1")]
    [InlineData("not-an-object.json", "$", "must be a JSON object, not an array")]
    [InlineData("unknown-property.json", "$.strategey", "did you mean 'strategy'?")]
    [InlineData("missing-application.json", "$.application", "is required")]
    [InlineData("bad-application.json", "$.application", "\"Shop_App\" is not a valid application name")]
    [InlineData("bad-image-id.json", "$.imageId", "\"ami-xyz\" is not an AMI id")]
    [InlineData("image-id-not-string.json", "$.imageId", "must be a string, not the number 123")]
    [InlineData("unknown-strategy.json", "$.strategy", "\"blue-green\" is not a known strategy")]
    [InlineData("canary-percent-zero.json", "$.traffic.percent", "must be from 1 to 99, not 0")]
    [InlineData("linear-percent-101.json", "$.traffic.percent", "must be from 1 to 100, not 101")]
    [InlineData("negative-interval.json", "$.traffic.intervalSeconds", "must be from 0 to 86400, not -5")]
    [InlineData("canary-without-percent.json", "$.traffic.percent", "is required")]
    [InlineData("fractional-percent.json", "$.traffic.percent", "must be a whole number from 1 to 100, not the number 12.5")]
    [InlineData("all-at-once-with-percent.json", "$.traffic.percent", "applies only to Canary and Linear traffic")]
    [InlineData("traffic-type-lowercase.json", "$.traffic.type", "did you mean \"Linear\"?")]
    [InlineData("traffic-not-object.json", "$.traffic", "must be a JSON object, not the string \"Linear\"")]
    [InlineData("revision-bad-bundle-type.json", "$.codeDeploy.revision.s3.bundleType", "\"rar\" is not a known bundle type")]
    [InlineData("revision-both-sources.json", "$.codeDeploy.revision", "gives both s3 and github")]
    [InlineData("revision-bad-commit.json", "$.codeDeploy.revision.github.commitId", "\"main\" is not a full commit SHA")]
    [InlineData("revision-bad-bucket.json", "$.codeDeploy.revision.s3.bucket", "\"My_Bucket\" is not an S3 bucket name")]
    [InlineData("code-deploy-without-revision.json", "$.codeDeploy.revision", "is required")]
    [InlineData("code-deploy-without-revision.json", "$.codeDeploy.revison", "did you mean 'revision'?")]
    [InlineData("reason-too-long.json", "$.reason", "is 300 characters long")]
    [InlineData("dry-run-not-boolean.json", "$.dryRun", "must be true or false, not the string \"yes\"")]
    [InlineData("console-default-input.json", "$.Comment", "is not a known property")]
    [InlineData("console-default-input.json", "$.imageId", "is required")]
    [InlineData("ami-event-without-image.json", "$.detail.ImageId", "the event carries no AMI id")]
    [InlineData("duplicate-property.json", "$.imageId", "is given more than once")]
    [InlineData("request-with-source.json", "$.source", "is not a known property")]
    [InlineData("unknown-event.json", "$['detail-type']", "the event \"Object Created\" from \"aws.s3\" does not start deployments")]
    public void Parse_BadInput_ReportsProblemAtPath(string fixture, string path, string text) =>
        ProblemAssert.Throws(() => TriggerParser.Parse(Bad(fixture)), path, text);

    [Fact]
    public void Parse_ManyMistakes_ReportsEveryOneInOneError()
    {
        var error = Assert.Throws<InvalidRequest>(() => TriggerParser.Parse(Bad("everything-wrong.json")));

        var paths = error.Problems.Select(p => p.Path).ToArray();
        Assert.Equal(
            ["$.application", "$.imageId", "$.strategy", "$.traffic.percent", "$.traffic.intervalSeconds", "$.codeDeploy.revision", "$.reason", "$.dryRun", "$.strategey"],
            paths);
        Assert.StartsWith("The request has 9 problems:", error.Message, StringComparison.Ordinal);
        Assert.All(error.Problems, p => Assert.Contains(p.ToString(), error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EventWithExtraFields_IgnoresThemBecauseAwsOwnsTheShape()
    {
        var json = Fixture.Read("Examples", "Files", "ami-event.json").Replace("\"detail\": {", "\"detail\": {\"NewAwsField\": 1,", StringComparison.Ordinal);

        var trigger = TriggerParser.Parse(json);

        Assert.Equal("ami-0abc1234def567890", Assert.IsType<AmiStateChangeTrigger>(trigger).ImageId);
    }

    // Whether an image that is not available deploys is the handler's call (it is ignored), not a bad request.
    [Theory]
    [InlineData("ami-event-pending.json", "pending")]
    [InlineData("imagebuilder-event-building.json", "BUILDING")]
    public void Parse_ImageEventNotAvailable_ReadsTheState(string fixture, string state)
    {
        var trigger = Assert.IsAssignableFrom<ImageEventTrigger>(TriggerParser.Parse(Bad(fixture)));

        Assert.Equal(state, trigger.State);
        Assert.False(trigger.IsAvailable);
    }
}
