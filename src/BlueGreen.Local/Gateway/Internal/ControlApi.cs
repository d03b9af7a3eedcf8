using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlueGreen.Local.Gateway.Internal;

/// <summary>The gateway's own HTTP API under /_bluegreen: call counts, the journal of writes and fault injection
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
