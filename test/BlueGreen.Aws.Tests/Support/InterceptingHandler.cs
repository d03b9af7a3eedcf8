using System.Collections.Concurrent;
using System.Net;
using System.Text;
using BlueGreen.Local.Gateway;

namespace BlueGreen.Aws.Tests.Support;

/// <summary>
/// Sits between our signer and moto: records every request it sees and can answer some itself
/// (AWS-shaped throttling, 5xx) before letting the rest through.
/// </summary>
public sealed class InterceptingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    /// <summary>Returns a response to short-circuit the request, or null to pass it to moto.</summary>
    public Func<RecordedRequest, HttpResponseMessage?> Respond { get; set; } = _ => null;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request, body);
        _requests.Enqueue(recorded);
        // Checked by the fixture's gateway in strict wire mode, like the fixture's own clients.
        request.Headers.TryAddWithoutValidation(WireChecks.Header, "strict");
        return Respond(recorded) ?? await base.SendAsync(request, cancellationToken);
    }

    public static HttpResponseMessage Reply(HttpStatusCode status, string body, string contentType) => new(status)
    {
        Content = new StringContent(body, Encoding.UTF8, contentType),
    };

    /// <summary>Throttling as the Query services send it.</summary>
    public static HttpResponseMessage QueryThrottling() => Reply(
        HttpStatusCode.BadRequest,
        "<ErrorResponse xmlns=\"https://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>req-throttled</RequestId></ErrorResponse>",
        "text/xml");

    /// <summary>Throttling as the JSON services send it.</summary>
    public static HttpResponseMessage JsonThrottling() => Reply(
        HttpStatusCode.BadRequest,
        "{\"__type\":\"com.amazonaws.swf.base.model#ThrottlingException\",\"message\":\"Rate exceeded\"}",
        "application/x-amz-json-1.0");
}

public sealed record RecordedRequest(HttpRequestMessage Message, string Body)
{
    /// <summary>The operation: the Query Action or the JSON X-Amz-Target's suffix.</summary>
    public string? Operation =>
        Message.Headers.TryGetValues("X-Amz-Target", out var targets)
            ? targets.First().Split('.').Last()
            : Body.Split('&').FirstOrDefault(p => p.StartsWith("Action=", StringComparison.Ordinal))?["Action=".Length..];

    public string? Authorization =>
        Message.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : null;
}
