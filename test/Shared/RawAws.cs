using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace BlueGreen.Testing;

/// <summary>
/// Signed AWS calls in each wire protocol, for what no typed client in BlueGreen.Aws does: seeding
/// moto with resources a test needs (SQS queues, SNS topics, IAM users, listener rules), reading
/// what a test asserts on (ListExecutions, DescribeRule), and requests a test shapes on purpose.
/// The one raw-call helper of the suite, linked into each test project that needs it. The
/// <c>Send…</c> methods hand back the answer as it came (status, headers, body), for tests of what
/// the gateway or moto answers; the others throw <see cref="RawAwsCallFailed"/> on an error.
/// </summary>
public sealed class RawAws(Uri endpoint, string region = "us-east-1") : IDisposable
{
    private static readonly HttpRequestOptionsKey<string> SigningService = new(SigV4SigningHandler.ServiceOptionKey);

    private readonly HttpClient _http = new(new SigV4SigningHandler(
        new BasicAWSCredentials("test", "test"), RegionEndpoint.GetBySystemName(region), "unset", new SocketsHttpHandler()));

    public Uri Endpoint => endpoint;

    /// <summary>A Query-protocol call (EC2, ELBv2, Auto Scaling, CloudWatch, SNS, SQS, IAM...).</summary>
    public async Task<XDocument> QueryAsync(string service, string action, string version, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent([new("Action", action), new("Version", version), .. parameters]),
        };
        return XDocument.Parse(await SendAsync(request, service, action, cancellationToken));
    }

    public Task<XDocument> QueryAsync(string service, string action, string version, params (string Name, string Value)[] parameters) =>
        QueryAsync(service, action, version, parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)));

    /// <summary>An AWS JSON call (target <c>{targetPrefix}.{operation}</c>; JSON 1.1 for CodeDeploy and
    /// EventBridge, else 1.0); <paramref name="body"/> is serialized as it is.</summary>
    public async Task<JsonNode?> JsonAsync(string service, string targetPrefix, string operation, object body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(service is "codedeploy" or "events" ? "application/x-amz-json-1.1" : "application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"{targetPrefix}.{operation}");
        var text = await SendAsync(request, service, operation, cancellationToken);
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>A REST-XML call (Route 53): <paramref name="path"/> from the endpoint's root.</summary>
    public async Task<XElement> RestXmlAsync(string service, HttpMethod method, string path, string? body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, new Uri(endpoint, path))
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/xml"),
        };
        return XElement.Parse(await SendAsync(request, service, $"{method} {path}", cancellationToken));
    }

    /// <summary>A Query request with only Action and Version (and <paramref name="parameters"/>), answered as it comes.</summary>
    public Task<HttpResponseMessage> SendQueryAsync(string service, string action, string version, params (string Name, string Value)[] parameters) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent([new("Action", action), new("Version", version), .. parameters.Select(p => KeyValuePair.Create(p.Name, p.Value))]),
        }, service);

    /// <summary>An AWS JSON request (<paramref name="target"/> is the whole X-Amz-Target), answered as it comes.</summary>
    public Task<HttpResponseMessage> SendJsonAsync(string service, string target, string body = "{}", string jsonVersion = "1.0")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue($"application/x-amz-json-{jsonVersion}");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        return SendAsync(request, service);
    }

    /// <summary>An AWS JSON call whose answer is read whatever its status (moto answers an
    /// unhandled error with an HTML page, so <see cref="RawAnswer.Json"/> may be null).</summary>
    public async Task<RawAnswer> CallJsonAsync(string service, string target, JsonObject body, string jsonVersion = "1.0")
    {
        using var response = await SendJsonAsync(service, target, body.ToJsonString(), jsonVersion);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try
        {
            json = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
        }

        return new RawAnswer(response.StatusCode, json, text);
    }

    /// <summary>Signs <paramref name="request"/> for <paramref name="service"/> and sends it; the answer as it comes.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string service)
    {
        request.Options.Set(SigningService, service);
        return _http.SendAsync(request);
    }

    /// <summary>The local cloud's control API (<c>/_bluegreen/…</c>), unsigned, answered as it comes.</summary>
    public Task<HttpResponseMessage> ControlAsync(HttpMethod method, string path, string? json = null) =>
        Unsigned.SendAsync(new HttpRequestMessage(method, new Uri(endpoint, "/_bluegreen" + path))
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        });

    private static readonly HttpClient Unsigned = new();

    private async Task<string> SendAsync(HttpRequestMessage request, string service, string operation, CancellationToken cancellationToken)
    {
        request.Options.Set(SigningService, service);
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new RawAwsCallFailed(service, operation, (int)response.StatusCode, text);
        }

        return text;
    }

    public void Dispose() => _http.Dispose();
}

/// <param name="Json">Null when the body is empty or not JSON.</param>
public sealed record RawAnswer(System.Net.HttpStatusCode Status, JsonNode? Json, string Text)
{
    public JsonNode Ok() => Status == System.Net.HttpStatusCode.OK && Json is not null
        ? Json
        : throw new InvalidOperationException($"answered {(int)Status}: {Text}");
}

public sealed class RawAwsCallFailed(string service, string operation, int status, string body)
    : Exception($"{service} {operation} answered HTTP {status}: {body}")
{
    public int Status { get; } = status;

    public string Body { get; } = body;
}
