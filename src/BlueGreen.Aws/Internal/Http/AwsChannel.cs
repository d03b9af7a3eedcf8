using Amazon.Runtime.Signing;
using BlueGreen.Aws.Internal.Errors;
using Polly;

namespace BlueGreen.Aws.Internal.Http;

/// <summary>
/// Sends one service's requests through the shared signing HttpClient, retrying transient
/// failures; every attempt builds and signs a fresh request, so no retry replays a stale signature.
/// </summary>
internal sealed class AwsChannel(HttpClient http, ResiliencePipeline retry, AwsService service, ServiceEndpoint endpoint)
{
    private static readonly HttpRequestOptionsKey<string> SigningService = new(SigV4SigningHandler.ServiceOptionKey);
    private static readonly HttpRequestOptionsKey<string> SigningRegion = new(SigV4SigningHandler.RegionOptionKey);

    public Uri Endpoint => endpoint.Url;

    /// <summary>Returns the body of a 2xx response; anything else becomes a typed exception.</summary>
    /// <param name="readError">Reads the code and message from the protocol's error body.</param>
    public Task<string> SendAsync(
        string operation,
        Func<HttpRequestMessage> createRequest,
        Func<HttpResponseMessage, string, WireError> readError,
        CancellationToken cancellationToken) =>
        retry.ExecuteAsync(
            async token =>
            {
                using var request = createRequest();
                request.Options.Set(SigningService, service.SigningName);
                request.Options.Set(SigningRegion, endpoint.SigningRegion);
                using var response = await http.SendAsync(request, token);
                var body = await response.Content.ReadAsStringAsync(token);
                if (response.IsSuccessStatusCode)
                {
                    return body;
                }

                throw ErrorMapper.ToException(service, operation, response.StatusCode, readError(response, body));
            },
            cancellationToken).AsTask();

    /// <summary>The request id AWS puts in a header (JSON and REST protocols).</summary>
    public static string? RequestIdHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out var ids) || response.Headers.TryGetValues("x-amz-request-id", out ids)
            ? ids.FirstOrDefault()
            : null;

    /// <summary>For error bodies that are not in the protocol's format (a proxy's HTML page, say).</summary>
    public static WireError Unreadable(HttpResponseMessage response, string body) =>
        new($"Http{(int)response.StatusCode}", body.Length > 300 ? body[..300] : body, RequestIdHeader(response));
}
