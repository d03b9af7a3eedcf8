using System.Text.Json;
using BlueGreen.Core.Requests;

namespace BlueGreen.Core.Internal;

/// <summary>
/// Reads the two EventBridge events that start deployments. Unknown properties are allowed here:
/// AWS owns these shapes and adds fields.
/// </summary>
internal static class EventReader
{
    public const string AmiSource = "aws.ec2";
    public const string AmiDetailType = "EC2 AMI State Change";
    public const string ImageBuilderSource = "aws.imagebuilder";
    public const string ImageBuilderDetailType = "EC2 Image Builder Image State Change";

    private const string RuleFix =
        "route only \"EC2 AMI State Change\" (aws.ec2) and \"EC2 Image Builder Image State Change\" (aws.imagebuilder) events to the state machine, or start it with " + RequestReader.Example;

    // A request with a stray "source" key is still a request (the key is then reported as unknown).
    public static bool LooksLikeEvent(JsonElement root) =>
        (root.TryGetProperty("source", out _) || root.TryGetProperty("detail-type", out _) || root.TryGetProperty("detail", out _))
        && !root.TryGetProperty("application", out _) && !root.TryGetProperty("imageId", out _);

    public static DeploymentTrigger? Read(JsonElement root, ProblemCollector problems)
    {
        var source = Text(root, "source");
        var detailType = Text(root, "detail-type");
        return (source, detailType) switch
        {
            (AmiSource, AmiDetailType) => ReadAmi(root, problems),
            (ImageBuilderSource, ImageBuilderDetailType) => ReadImageBuilder(root, problems),
            _ => Unknown(source, detailType, problems),
        };
    }

    private static DeploymentTrigger? Unknown(string? source, string? detailType, ProblemCollector problems)
    {
        problems.Add(
            source is null ? "$.source" : "$['detail-type']",
            source is null || detailType is null
                ? "looks like an EventBridge event but has no source or detail-type"
                : $"the event \"{ObjectReader.Shorten(detailType)}\" from \"{ObjectReader.Shorten(source)}\" does not start deployments",
            RuleFix);
        return null;
    }

    private static AmiStateChangeTrigger? ReadAmi(JsonElement root, ProblemCollector problems)
    {
        if (!root.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Object)
        {
            problems.Add("$.detail", "is missing, so the event names no AMI", "send the EC2 AMI State Change event unchanged");
            return null;
        }

        var imageId = Text(detail, "ImageId");
        if (imageId is null)
        {
            problems.Add("$.detail.ImageId", "is missing, so the event carries no AMI id", "send the EC2 AMI State Change event unchanged");
        }
        else if (!ImageId.IsValid(imageId))
        {
            problems.Add("$.detail.ImageId", $"\"{ObjectReader.Shorten(imageId)}\" is not an AMI id", Rules.ImageIdFix);
        }

        // Any state is read: a state other than available is the handler's to ignore, not a bad request.
        var state = Text(detail, "State");
        if (state is null)
        {
            problems.Add("$.detail.State", "is missing", "send the EC2 AMI State Change event unchanged");
        }

        return problems.Any ? null : new AmiStateChangeTrigger(imageId!, state!, Text(root, "region"), Text(root, "account"), Text(root, "id"));
    }

    // The event names the image build version, not its AMIs: resources[0] is the image ARN and
    // detail.state.status its status. The AMIs come from imagebuilder:GetImage.
    private static ImageBuilderTrigger? ReadImageBuilder(JsonElement root, ProblemCollector problems)
    {
        string? imageArn = null;
        if (root.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array && resources.GetArrayLength() > 0)
        {
            imageArn = resources[0].ValueKind == JsonValueKind.String ? resources[0].GetString() : null;
        }

        if (imageArn is null || !Rules.ImageBuilderImageArn().IsMatch(imageArn))
        {
            problems.Add("$.resources[0]", "is not an Image Builder image ARN", "send the Image Builder event unchanged; resources[0] is arn:aws:imagebuilder:<region>:<account>:image/<name>/<version>/<build>");
        }

        var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var status = detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.Object
            ? Text(state, "status")
            : null;
        if (status is null)
        {
            problems.Add("$.detail.state.status", "is missing", "send the Image Builder event unchanged");
        }

        return problems.Any ? null : new ImageBuilderTrigger(imageArn!, status!, Text(root, "region"), Text(root, "account"), Text(root, "id"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
