using System.Globalization;
using System.Text.Json.Nodes;

namespace BlueGreen.Local.ImageBuilder.Internal;

/// <summary>Image and ImageSummary in the 2019-12-02 model's shape (dates are ISO 8601 strings there).</summary>
internal static class ImageJson
{
    public static JsonObject Image(StoredImage image) => new()
    {
        ["arn"] = image.Arn,
        ["type"] = "AMI",
        ["name"] = image.Name,
        ["version"] = image.Version,
        ["platform"] = "Linux",
        ["enhancedImageMetadataEnabled"] = true,
        ["state"] = State(image.Status, image.Reason),
        ["dateCreated"] = Date(image.CreatedAt),
        ["outputResources"] = OutputResources(image),
        ["buildType"] = "USER_INITIATED",
        ["imageSource"] = "CUSTOM",
        ["tags"] = new JsonObject(),
    };

    public static JsonObject Summary(StoredImage image) => new()
    {
        ["arn"] = image.Arn,
        ["name"] = image.Name,
        ["type"] = "AMI",
        ["version"] = image.Version,
        ["platform"] = "Linux",
        ["state"] = State(image.Status, image.Reason),
        ["owner"] = image.Arn.Split(':')[4],
        ["dateCreated"] = Date(image.CreatedAt),
        ["outputResources"] = OutputResources(image),
        ["buildType"] = "USER_INITIATED",
        ["imageSource"] = "CUSTOM",
        ["tags"] = new JsonObject(),
    };

    private static JsonObject OutputResources(StoredImage image) => new()
    {
        ["amis"] = new JsonArray(image.Amis.Select(a => (JsonNode?)new JsonObject
        {
            ["region"] = a.Region,
            ["image"] = a.Image,
            ["name"] = a.Name,
            ["state"] = State("AVAILABLE", null),
            ["accountId"] = a.AccountId,
        }).ToArray()),
    };

    private static JsonObject State(string status, string? reason)
    {
        var state = new JsonObject { ["status"] = status };
        if (reason is not null)
        {
            state["reason"] = reason;
        }

        return state;
    }

    private static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
