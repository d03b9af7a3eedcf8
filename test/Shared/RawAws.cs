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
/// The one raw-call helper of the suite, linked into each test project that needs it.
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

public sealed class RawAwsCallFailed(string service, string operation, int status, string body)
    : Exception($"{service} {operation} answered HTTP {status}: {body}")
{
    public int Status { get; } = status;

    public string Body { get; } = body;
}
