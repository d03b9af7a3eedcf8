using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>Plain JSON-protocol calls to moto: the few lines a test needs, no SDK.</summary>
public sealed class MotoJsonClient(Uri endpoint) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };

    public Uri Endpoint => endpoint;

    /// <param name="service">Signing name, which moto reads from the credential scope.</param>
    /// <param name="target">X-Amz-Target, e.g. AWSStepFunctions.StartExecution.</param>
    public async Task<MotoJsonResponse> CallAsync(string service, string target, JsonObject body, string jsonVersion = "1.0")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        // moto does not check the signature, only reads region and service from the scope.
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0");
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new($"application/x-amz-json-{jsonVersion}");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try
        {
            json = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            // moto answers an unhandled Python exception with an HTML page.
        }

        return new MotoJsonResponse(response.StatusCode, json, text);
    }

    public void Dispose() => _http.Dispose();
}

public sealed record MotoJsonResponse(HttpStatusCode Status, JsonNode? Json, string Text)
{
    public JsonNode Ok() => Status == HttpStatusCode.OK && Json is not null
        ? Json
        : throw new InvalidOperationException($"moto answered {(int)Status}: {Text}");
}
