using System.Text;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace BlueGreen.Aws.Tests.Support;

/// <summary>
/// Signed calls outside our clients' narrow ports, to seed moto with what BlueGreen only reads
/// (alarms, load balancers, hosted zones, CodeDeploy groups).
/// </summary>
public sealed class RawAws(Uri endpoint) : IDisposable
{
    private readonly HttpClient _http = new(new SigV4SigningHandler(
        new BasicAWSCredentials("test", "test"), RegionEndpoint.USEast1, "unset", new SocketsHttpHandler()));

    public async Task<XElement> QueryAsync(string signingName, string version, string action, params (string Name, string Value)[] parameters)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(
                [new("Action", action), new("Version", version), .. parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))]),
        };
        return XElement.Parse(await SendAsync(request, signingName));
    }

    public async Task<string> JsonAsync(string signingName, string target, string jsonVersion, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, $"application/x-amz-json-{jsonVersion}"),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add("X-Amz-Target", target);
        return await SendAsync(request, signingName);
    }

    public async Task<XElement> RestXmlAsync(string signingName, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(endpoint, path))
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/xml"),
        };
        return XElement.Parse(await SendAsync(request, signingName));
    }

    private async Task<string> SendAsync(HttpRequestMessage request, string signingName)
    {
        request.Options.Set(new HttpRequestOptionsKey<string>(SigV4SigningHandler.ServiceOptionKey), signingName);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"seeding call failed: {(int)response.StatusCode} {text}");
        }

        return text;
    }

    public void Dispose() => _http.Dispose();
}
