using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlueGreen.Local.ImageBuilder.Internal;

/// <summary>GetImage and ListImageBuildVersions over the stored builds; errors are thrown as <see cref="ImageBuilderError"/>.</summary>
internal sealed class ReadImages(ImageStore images)
{
    // RestrictedInteger in the model: 1..25.
    private const int MaxResults = 25;

    /// <summary>A build ARN names that build; a version ARN (parts may be "x") its newest build.</summary>
    public JsonObject Get(string? arn)
    {
        if (string.IsNullOrEmpty(arn))
        {
            throw ImageBuilderError.InvalidRequest("imageBuildVersionArn is required.");
        }

        if (!ImageArn.IsVersionOrBuild(arn))
        {
            throw ImageBuilderError.InvalidParameter("imageBuildVersionArn", ImageArn.VersionOrBuildPattern);
        }

        var image = images.All()
            .Where(i => ImageArn.Matches(arn, i))
            .OrderBy(i => System.Version.Parse(i.Version))
            .ThenBy(i => i.Build)
            .LastOrDefault()
            ?? throw ImageBuilderError.NotFound(arn);
        return new JsonObject { ["image"] = ImageJson.Image(image) };
    }

    /// <summary>The builds of one version (every build when no version is given), oldest first.</summary>
    public JsonObject List(byte[] requestBody)
    {
        var body = Body(requestBody);
        var versionArn = body["imageVersionArn"]?.GetValue<string>();
        if (versionArn is not null && !ImageArn.IsVersion(versionArn))
        {
            throw ImageBuilderError.InvalidParameter("imageVersionArn", ImageArn.VersionPattern);
        }

        if (body["filters"] is JsonArray { Count: > 0 })
        {
            throw ImageBuilderError.InvalidRequest("filters are not supported by the local cloud's Image Builder.");
        }

        var pageSize = body["maxResults"]?.GetValue<int>() ?? MaxResults;
        if (pageSize is < 1 or > MaxResults)
        {
            throw ImageBuilderError.InvalidRequest($"maxResults must be between 1 and {MaxResults}.");
        }

        var token = body["nextToken"]?.GetValue<string>();
        var start = 0;
        if (token is not null && !int.TryParse(token, out start))
        {
            throw new ImageBuilderError(400, "InvalidPaginationTokenException", "The pagination token is not valid.");
        }

        var builds = images.All().Where(i => versionArn is null || ImageArn.VersionOf(i.Arn) == versionArn).ToList();
        var page = builds.Skip(start).Take(pageSize).ToList();
        var answer = new JsonObject { ["imageSummaryList"] = new JsonArray(page.Select(i => (JsonNode?)ImageJson.Summary(i)).ToArray()) };
        if (start + page.Count < builds.Count)
        {
            answer["nextToken"] = (start + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        return answer;
    }

    private static JsonObject Body(byte[] body)
    {
        try
        {
            return body.Length == 0 ? [] : JsonNode.Parse(body) as JsonObject ?? throw ImageBuilderError.InvalidRequest("The request body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new ImageBuilderError(400, "ClientException", "The request body is not valid JSON.");
        }
    }
}
