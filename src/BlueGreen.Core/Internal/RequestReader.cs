using System.Text.Json;
using BlueGreen.Core.Requests;

namespace BlueGreen.Core.Internal;

/// <summary>Reads the console / CLI / CodePipeline request shape, reporting every problem.</summary>
internal static class RequestReader
{
    public const string Example = "{\"application\": \"shop\", \"imageId\": \"ami-0abc1234def567890\"}";

    public static DeploymentRequest Read(JsonElement root, ProblemCollector problems)
    {
        var reader = ObjectReader.Open(root, JsonPath.Root, problems, $"send a JSON object such as {Example}")!;

        var application = reader.String("application", required: true, $"name the application to deploy: {Rules.ApplicationFix}");
        if (application is not null && !ApplicationName.IsValid(application))
        {
            problems.Add(reader.At("application"), $"\"{ObjectReader.Shorten(application)}\" is not a valid application name", Rules.ApplicationFix);
        }

        var imageId = reader.String("imageId", required: true, $"name the AMI to deploy: {Rules.ImageIdFix}");
        if (imageId is not null && !ImageId.IsValid(imageId))
        {
            problems.Add(reader.At("imageId"), $"\"{ObjectReader.Shorten(imageId)}\" is not an AMI id", Rules.ImageIdFix);
        }

        var strategy = EnumNames.Read(reader, "strategy", EnumNames.Strategies, required: false, "strategy");
        var traffic = TrafficReader.Read(reader, "traffic");
        var codeDeploy = ReadCodeDeploy(reader);

        var reason = reader.String("reason", required: false, $"describe why in at most {DeploymentRequest.MaxReasonLength} characters");
        if (reason is not null && reason.Length > DeploymentRequest.MaxReasonLength)
        {
            problems.Add(reader.At("reason"), $"is {reason.Length} characters long", $"shorten it to at most {DeploymentRequest.MaxReasonLength} characters (it becomes a tag value)");
        }

        var dryRun = reader.Bool("dryRun", "use true to only plan, false (the default) to deploy");
        reader.RejectUnknown();

        return new DeploymentRequest(application ?? "", imageId ?? "", strategy, traffic, codeDeploy, reason, dryRun ?? false);
    }

    private static CodeDeployOverride? ReadCodeDeploy(ObjectReader parent)
    {
        var reader = parent.Object("codeDeploy", required: false, $"give {{\"revision\": ...}}: {RevisionReader.Fix}");
        if (reader is null)
        {
            return null;
        }

        var revision = RevisionReader.Read(reader, "revision", required: true);
        reader.RejectUnknown();
        return revision is null ? null : new CodeDeployOverride(revision);
    }
}
