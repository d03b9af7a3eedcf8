using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;

namespace BlueGreen.Aws.Internal.Protocols;

/// <summary>
/// AWS JSON 1.0 / 1.1 (Step Functions, CodeDeploy): POST / with <c>X-Amz-Target:
/// Prefix.Operation</c>. Both versions differ only in the content type.
/// </summary>
internal sealed class JsonProtocol(AwsChannel channel, string targetPrefix, string jsonVersion)
{
    private readonly MediaTypeHeaderValue _contentType = new($"application/x-amz-json-{jsonVersion}");

    public async Task<JsonObject> SendAsync(string operation, JsonObject input, CancellationToken cancellationToken)
    {
        var payload = WithoutNulls(input).ToJsonString();
        var body = await channel.SendAsync(
            operation,
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, channel.Endpoint)
                {
                    Content = new StringContent(payload, Encoding.UTF8),
                };
                request.Content.Headers.ContentType = _contentType;
                request.Headers.Add("X-Amz-Target", $"{targetPrefix}.{operation}");
                return request;
            },
            ReadError,
            cancellationToken);
        return string.IsNullOrWhiteSpace(body) ? [] : JsonNode.Parse(body)?.AsObject() ?? [];
    }

    /// <summary>Optional members are left out rather than sent as null, as the AWS SDKs do.</summary>
    private static JsonObject WithoutNulls(JsonObject input)
    {
        foreach (var (name, value) in input.ToList())
        {
            switch (value)
            {
                case null:
                    input.Remove(name);
                    break;
                case JsonObject child:
                    WithoutNulls(child);
                    break;
                case JsonArray items:
                    foreach (var item in items.OfType<JsonObject>())
                    {
                        WithoutNulls(item);
                    }

                    break;
            }
        }

        return input;
    }

    /// <summary>The code is <c>__type</c> (or the x-amzn-ErrorType header), possibly prefixed
    /// with a namespace (<c>com.amazonaws...#Code</c>) or suffixed with <c>:url</c>. REST-JSON
    /// errors have the same shape.</summary>
    internal static WireError ReadError(HttpResponseMessage response, string body)
    {
        JsonObject? error = null;
        try
        {
            error = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page, say): fall back to the header, then to the raw body.
        }

        var type = error?["__type"]?.GetValue<string>() ?? error?["code"]?.GetValue<string>()
            ?? (response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null);
        if (type is null)
        {
            return AwsChannel.Unreadable(response, body);
        }

        var code = type[(type.LastIndexOf('#') + 1)..].Split(':')[0];
        var message = error?["message"]?.GetValue<string>() ?? error?["Message"]?.GetValue<string>() ?? "";
        return new WireError(code, message, AwsChannel.RequestIdHeader(response));
    }
}
