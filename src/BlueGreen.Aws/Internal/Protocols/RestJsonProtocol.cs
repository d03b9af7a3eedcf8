using System.Text;
using System.Text.Json.Nodes;
using BlueGreen.Aws.Internal.Http;

namespace BlueGreen.Aws.Internal.Protocols;

/// <summary>REST-JSON (Image Builder): the operation is the method and path, inputs go in the
/// query string or a JSON body, answers are JSON documents.</summary>
internal sealed class RestJsonProtocol(AwsChannel channel)
{
    /// <param name="pathAndQuery">Already escaped, e.g. <c>/GetImage?imageBuildVersionArn=arn%3Aaws%3A…</c>.</param>
    public async Task<JsonObject> SendAsync(
        string operation, HttpMethod method, string pathAndQuery, JsonObject? body, CancellationToken cancellationToken)
    {
        var payload = body?.ToJsonString();
        var response = await channel.SendAsync(
            operation,
            () => new HttpRequestMessage(method, new Uri(channel.Endpoint, pathAndQuery))
            {
                Content = payload is null ? null : new StringContent(payload, Encoding.UTF8, "application/json"),
            },
            JsonProtocol.ReadError, // the same __type / x-amzn-ErrorType and message
            cancellationToken);
        return string.IsNullOrWhiteSpace(response) ? [] : JsonNode.Parse(response)?.AsObject() ?? [];
    }

    /// <summary>A query string value, escaped as SigV4 canonicalises it.</summary>
    public static string Escape(string value) => Uri.EscapeDataString(value);
}
