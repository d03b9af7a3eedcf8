using System.Text;
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
public sealed class ImageBuilderEmulator : IServiceEmulator
{
    public const string EventSource = "aws.imagebuilder";
    public const string StateChange = "EC2 Image Builder Image State Change";

    private readonly IEventBus _events;
    private readonly TimeProvider _time;
    private readonly string _region;
    private readonly string _accountId;

    private readonly ImageStore _images = new();
    private readonly ReadImages _read;

    /// <param name="events">Where image state change events go: the local cloud's default bus in moto.</param>
    /// <param name="region">The region images are made in (their ARNs, the event's bus).</param>
    public ImageBuilderEmulator(IEventBus events, TimeProvider time, string region = LocalCloudOptions.DefaultRegion, string accountId = LocalCloudOptions.AccountId)
    {
        _events = events;
        _time = time;
        _region = region;
        _accountId = accountId;
        _read = new ReadImages(_images);
    }

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
        var stored = _images.Add(image.Validated(), _region, _accountId, _time.GetUtcNow());
        var state = new JsonObject { ["status"] = stored.Status };
        if (stored.Reason is not null)
        {
            state["reason"] = stored.Reason;
        }

        var detail = new JsonObject { ["previous-state"] = new JsonObject { ["status"] = "TESTING" }, ["state"] = state };
        var result = await _events.PutEventsAsync(
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
                "GetImage" => _read.Get(QueryHelpers.ParseQuery(request.QueryString).TryGetValue("imageBuildVersionArn", out var arn) ? arn.ToString() : null),
                "ListImageBuildVersions" => _read.List(request.Body),
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
}
