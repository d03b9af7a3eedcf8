using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Aws.Events;
using BlueGreen.Local.Gateway;
using BlueGreen.Local.ImageBuilder.Internal;
using Microsoft.AspNetCore.WebUtilities;

namespace BlueGreen.Local.ImageBuilder;

/// <summary>
/// EC2 Image Builder, which moto lacks: the image builds made through
/// <see cref="CreateImageAsync"/> (the control API's <c>POST /_bluegreen/imagebuilder/images</c>),
/// read with GetImage and ListImageBuildVersions in the 2019-12-02 model's shapes. Making one puts
/// the real "EC2 Image Builder Image State Change" event on the default bus, so EventBridge rules
/// fire as they would for a pipeline's build. Safe to call concurrently.
/// </summary>
public sealed class ImageBuilderEmulator(IEventBus events, TimeProvider time, string region = LocalCloudOptions.DefaultRegion, string accountId = LocalCloudOptions.AccountId)
    : IServiceEmulator
{
    public const string EventSource = "aws.imagebuilder";
    public const string StateChange = "EC2 Image Builder Image State Change";

    // RestrictedInteger in the model: 1..25.
    private const int MaxResults = 25;

    private readonly ImageStore _images = new();

    /// <summary>The operations answered here; every other Image Builder call is forwarded to moto,
    /// which does not know it.</summary>
    public static IReadOnlySet<string> Operations { get; } = new HashSet<string>(StringComparer.Ordinal) { "GetImage", "ListImageBuildVersions" };

    public bool Owns(string service, string operation) => service == "imagebuilder" && Operations.Contains(operation);

    /// <summary>Records the next build of the image's name and version in this emulator's region
    /// and puts its state change event (previous state TESTING, as after a pipeline's tests; the
    /// event names the build's ARN in <c>resources</c>, not its AMIs).</summary>
    /// <returns>The build version ARN, e.g. <c>arn:aws:imagebuilder:us-east-1:123456789012:image/shop-recipe/1.0.0/1</c>.</returns>
    /// <exception cref="ArgumentException">The image is not valid (<see cref="NewImage.Validated"/>).</exception>
    /// <exception cref="InvalidOperationException">EventBridge refused the event (the build is kept).</exception>
    public async Task<string> CreateImageAsync(NewImage image, CancellationToken cancellationToken = default)
    {
        var stored = _images.Add(image.Validated(), region, accountId, time.GetUtcNow());
        var state = new JsonObject { ["status"] = stored.Status };
        if (stored.Reason is not null)
        {
            state["reason"] = stored.Reason;
        }

        var detail = new JsonObject { ["previous-state"] = new JsonObject { ["status"] = "TESTING" }, ["state"] = state };
        var result = await events.PutEventsAsync(
            [new BusEvent(EventSource, StateChange, detail.ToJsonString(), [stored.Arn], Time: stored.CreatedAt)],
            cancellationToken);
        if (result.FailedEntryCount > 0)
        {
            var entry = result.Entries[0];
            throw new InvalidOperationException($"EventBridge refused the image state change event: {entry.ErrorCode} {entry.ErrorMessage}");
        }

        return stored.Arn;
    }

    Task<EmulatorResponse> IServiceEmulator.HandleAsync(EmulatorRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Handle(request));

    private EmulatorResponse Handle(EmulatorRequest request)
    {
        try
        {
            var answer = request.Operation switch
            {
                "GetImage" => GetImage(QueryHelpers.ParseQuery(request.QueryString).TryGetValue("imageBuildVersionArn", out var arn) ? arn.ToString() : null),
                "ListImageBuildVersions" => ListImageBuildVersions(Body(request.Body)),
                _ => throw new InvalidOperationException($"Image Builder {request.Operation} is not emulated"),
            };
            answer["requestId"] = Guid.NewGuid().ToString();
            return new EmulatorResponse(200, "application/json", Encoding.UTF8.GetBytes(answer.ToJsonString()));
        }
        catch (ImageBuilderError error)
        {
            return new EmulatorResponse(error.Status, "application/json", Encoding.UTF8.GetBytes(new JsonObject { ["message"] = error.Message }.ToJsonString()))
            {
                Headers = new Dictionary<string, string> { ["x-amzn-ErrorType"] = error.Code },
            };
        }
    }

    /// <summary>A build ARN names that build; a version ARN (parts may be "x") its newest build.</summary>
    private JsonObject GetImage(string? arn)
    {
        if (string.IsNullOrEmpty(arn))
        {
            throw ImageBuilderError.InvalidRequest("imageBuildVersionArn is required.");
        }

        if (!ImageArn.IsVersionOrBuild(arn))
        {
            throw ImageBuilderError.InvalidParameter("imageBuildVersionArn", ImageArn.VersionOrBuildPattern);
        }

        var image = _images.All()
            .Where(i => ImageArn.Matches(arn, i))
            .OrderBy(i => System.Version.Parse(i.Version))
            .ThenBy(i => i.Build)
            .LastOrDefault()
            ?? throw ImageBuilderError.NotFound(arn);
        return new JsonObject { ["image"] = ImageJson.Image(image) };
    }

    /// <summary>The builds of one version (every build when no version is given), oldest first.</summary>
    private JsonObject ListImageBuildVersions(JsonObject body)
    {
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

        var builds = _images.All().Where(i => versionArn is null || ImageArn.VersionOf(i.Arn) == versionArn).ToList();
        var page = builds.Skip(start).Take(pageSize).ToList();
        var answer = new JsonObject { ["imageSummaryList"] = new JsonArray(page.Select(i => (JsonNode?)ImageJson.Summary(i)).ToArray()) };
        if (start + page.Count < builds.Count)
        {
            answer["nextToken"] = (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
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
