using System.Net.Http.Headers;
using System.Text;

namespace BlueGreen.Local.Tests.Support;

/// <summary>Hand-built AWS requests in each protocol, to see the gateway's answers as sent.</summary>
public static class RawRequests
{
    private static readonly HttpClient Http = new();

    public static string Authorization(string service) =>
        $"AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0";

    public static Task<HttpResponseMessage> QueryAsync(Uri endpoint, string service, string action, string version)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent([new("Action", action), new("Version", version)]),
        };
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(service));
        return Http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> JsonAsync(Uri endpoint, string service, string target, string body = "{}")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(service));
        return Http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(Uri endpoint, string service, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, path));
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(service));
        return Http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> ControlAsync(Uri endpoint, HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, new Uri(endpoint, "/_bluegreen" + path));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return Http.SendAsync(request);
    }
}
