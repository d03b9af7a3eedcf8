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

        var state = Text(detail, "State");
        if (!string.Equals(state, "available", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(
                "$.detail.State",
                state is null ? "is missing" : $"the AMI is \"{ObjectReader.Shorten(state)}\", not \"available\"",
                "only available AMIs deploy: filter the EventBridge rule on detail.State [\"available\"]");
        }

        return problems.Any ? null : new AmiStateChangeTrigger(imageId!, Text(root, "region"), Text(root, "account"), Text(root, "id"));
    }

    // Assumption (no published schema here): the AMI ids are in detail.outputResources.amis[]
    // as {"region", "image"}, like Image Builder's GetImage outputResources. Events without them
    // are refused with a message saying so; see examples/imagebuilder-event.json.
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
        if (!string.Equals(status, "AVAILABLE", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(
                "$.detail.state.status",
                status is null ? "is missing" : $"the image is \"{ObjectReader.Shorten(status)}\", not \"AVAILABLE\"",
                "only available images deploy: filter the EventBridge rule on detail.state.status [\"AVAILABLE\"]");
        }

        var imageId = PickAmi(detail, Text(root, "region"), problems);
        return problems.Any ? null : new ImageBuilderTrigger(imageId!, imageArn!, Text(root, "region"), Text(root, "account"), Text(root, "id"));
    }

    private static string? PickAmi(JsonElement detail, string? region, ProblemCollector problems)
    {
        var amis = new List<(string? Region, string Image)>();
        if (detail.ValueKind == JsonValueKind.Object
            && detail.TryGetProperty("outputResources", out var output) && output.ValueKind == JsonValueKind.Object
            && output.TryGetProperty("amis", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var ami in list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object))
            {
                if (Text(ami, "image") is { } image)
                {
                    amis.Add((Text(ami, "region"), image));
                }
            }
        }

        if (amis.Count == 0)
        {
            problems.Add(
                "$.detail.outputResources.amis",
                "the event carries no AMI id",
                $"start the deployment with {RequestReader.Example} using the AMI the image produced, or send an event whose detail.outputResources.amis lists [{{\"region\", \"image\"}}]");
            return null;
        }

        var chosen = region is null ? amis[0] : amis.FirstOrDefault(a => a.Region == region);
        if (chosen.Image is null)
        {
            problems.Add(
                "$.detail.outputResources.amis",
                $"the event carries no AMI for its region {region} (it has {string.Join(", ", amis.Select(a => $"{a.Image} in {a.Region}"))})",
                $"distribute the image to {region}, or start the deployment in the AMI's region");
            return null;
        }

        if (!ImageId.IsValid(chosen.Image))
        {
            problems.Add("$.detail.outputResources.amis", $"\"{ObjectReader.Shorten(chosen.Image)}\" is not an AMI id", Rules.ImageIdFix);
            return null;
        }

        return chosen.Image;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
