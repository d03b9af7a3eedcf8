using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace BlueGreen.Local.Gateway.Internal;

/// <summary>Sends a request on to moto unchanged (method, raw path and query, headers including
/// Host and Authorization, body) and buffers the answer.</summary>
internal sealed class MotoForwarder(HttpClient http)
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Expect", "Host", "Content-Length",
    };

    public async Task<BufferedResponse> ForwardAsync(HttpContext context, Uri upstream, byte[] body, CancellationToken cancellationToken)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget
            ?? context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(upstream, rawTarget));
        if (body.Length > 0 || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        request.Headers.Host = context.Request.Host.Value;

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var buffered = new BufferedResponse((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                buffered.Headers.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
            }
        }

        return buffered;
    }
}
