using System.Text.Json.Nodes;

namespace BlueGreen.Workflow.Tests.Support;

/// <summary>The EventBridge events an image pipeline's AMI produces.</summary>
internal static class AmiEvents
{
    public static string Available(string imageId, string state = "available") => new JsonObject
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = "EC2 AMI State Change",
        ["source"] = "aws.ec2",
        ["account"] = "123456789012",
        ["region"] = "us-east-1",
        ["resources"] = new JsonArray($"arn:aws:ec2:us-east-1::image/{imageId}"),
        ["detail"] = new JsonObject { ["ImageId"] = imageId, ["State"] = state },
    }.ToJsonString();
}
