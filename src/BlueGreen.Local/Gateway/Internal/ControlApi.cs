using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Local.ImageBuilder;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlueGreen.Local.Gateway.Internal;

/// <summary>The gateway's own HTTP API under /_bluegreen: call counts, the journal of writes, fault injection and
/// the emulated services' seeding (Image Builder images)
/// (documented with curl examples in docs/local-cloud.md).</summary>
internal static class ControlApi
{
    public static void Map(IEndpointRouteBuilder app, LocalGateway gateway)
    {
        var api = app.MapGroup(LocalGateway.ControlPrefix);
        api.MapGet("/health", () => Results.Ok(new { status = "ok", moto = gateway.Upstream?.ToString() }));

        api.MapGet("/calls", () => Results.Ok(gateway.Calls.Snapshot()));
        api.MapDelete("/calls", () =>
        {
            gateway.Calls.Reset();
            return Results.NoContent();
        });

        api.MapGet("/wire", () => Results.Ok(gateway.Wire.Snapshot()));
        api.MapDelete("/wire", () =>
        {
            gateway.Wire.Reset();
            return Results.NoContent();
        });

        api.MapGet("/writes", () => Results.Ok(gateway.Calls.Writes()));

        api.MapGet("/faults", () => Results.Ok(gateway.Faults.Snapshot()));
        api.MapDelete("/faults", () =>
        {
            gateway.Faults.Clear();
            return Results.NoContent();
        });
        api.MapPost("/faults/throttle", (OperationFaultRequest request) =>
            Try(() => gateway.Faults.Throttle(request.Service, request.Operation, request.Times ?? 1, request.Function)));
        api.MapPost("/faults/server-error", (OperationFaultRequest request) =>
            Try(() => gateway.Faults.FailWithServerError(request.Service, request.Operation, request.Times ?? 1, request.Function)));
        api.MapPost("/faults/lost-response", (OperationFaultRequest request) =>
            Try(() => gateway.Faults.LoseResponse(request.Service, request.Operation, request.Times ?? 1, request.Function)));
        api.MapPost("/faults/unhealthy-image", (UnhealthyImageRequest request) =>
            Try(() =>
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(request.ImageId, "imageId");
                gateway.Faults.MarkImageUnhealthy(request.ImageId);
            }));
        api.MapPost("/faults/alarm", (AlarmRequest request) =>
            Try(() => gateway.FireAlarmAfter(request.AlarmName, TimeSpan.FromSeconds(request.DelaySeconds ?? 0))));
        api.MapPost("/imagebuilder/images", (HttpRequest request, CancellationToken cancellationToken) => CreateImageAsync(gateway, request, cancellationToken));
        api.MapPost("/faults/codedeploy-failure", (CodeDeployFailureRequest? request) =>
            Try(() =>
            {
                if (request?.Message is { Length: > 0 } message)
                {
                    gateway.Faults.FailNextCodeDeployDeployment(message);
                }
                else
                {
                    gateway.Faults.FailNextCodeDeployDeployment();
                }
            }));
    }

    /// <summary>Body: <c>{"name", "version", "amis": [{"region", "image", "name"?, "accountId"?}],
    /// "status"?, "reason"?}</c>; answers <c>{"arn": …}</c>.</summary>
    private static async Task<IResult> CreateImageAsync(LocalGateway gateway, HttpRequest request, CancellationToken cancellationToken)
    {
        if (gateway.ImageBuilder is not { } imageBuilder)
        {
            return Results.NotFound(new { error = "this gateway has no Image Builder emulator" });
        }

        NewImage image;
        try
        {
            image = ReadImage(await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken));
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return Results.BadRequest(new { error = exception is JsonException ? $"body is not valid JSON: {exception.Message}" : exception.Message });
        }

        try
        {
            return Results.Ok(new { arn = await imageBuilder.CreateImageAsync(image, cancellationToken) });
        }
        catch (ArgumentException exception)
        {
            return Results.BadRequest(new { error = exception.Message });
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or Aws.Errors.AwsServiceException)
        {
            return Results.Json(new { error = exception.Message }, statusCode: StatusCodes.Status502BadGateway);
        }
    }

    /// <summary>Reads the image, leaving validation to <see cref="NewImage.Validated"/>; wrong JSON
    /// types fail with InvalidOperationException, a missing object with ArgumentException.</summary>
    private static NewImage ReadImage(JsonNode? body)
    {
        if (body is not JsonObject image)
        {
            throw new ArgumentException("body must be a JSON object: {\"name\": …, \"version\": …, \"amis\": [{\"region\": …, \"image\": …}]}");
        }

        var amis = image["amis"] switch
        {
            null => new List<NewImageAmi>(),
            JsonArray items => items.Select((a, i) => a is JsonObject ami
                ? new NewImageAmi(Text(ami, "region") ?? "", Text(ami, "image") ?? "", Text(ami, "name"), Text(ami, "accountId"))
                : throw new ArgumentException($"amis[{i}] must be an object")).ToList(),
            _ => throw new ArgumentException("amis must be a list"),
        };
        return new NewImage(Text(image, "name") ?? "", Text(image, "version") ?? "", amis)
        {
            Status = Text(image, "status") ?? "AVAILABLE",
            Reason = Text(image, "reason"),
        };
    }

    private static string? Text(JsonObject node, string name) => node[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw new ArgumentException($"{name} must be a string"),
    };

    private static IResult Try(Action inject)
    {
        try
        {
            inject();
            return Results.NoContent();
        }
        catch (ArgumentException exception)
        {
            return Results.BadRequest(new { error = exception.Message });
        }
    }

    /// <param name="Function">Optional: only Lambda invokes of this function (e.g. "ShiftTrafficFunction"),
    /// or, for other operations, only calls this in-process function makes.</param>
    internal sealed record OperationFaultRequest(string? Service, string Operation, int? Times, string? Function = null);

    internal sealed record UnhealthyImageRequest(string ImageId);

    internal sealed record AlarmRequest(string AlarmName, double? DelaySeconds);

    internal sealed record CodeDeployFailureRequest(string? Message);
}
