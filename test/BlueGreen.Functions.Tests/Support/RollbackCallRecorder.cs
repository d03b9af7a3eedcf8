using System.Collections.Concurrent;
using System.Net;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>
/// Records the AWS operations a handler calls, in order (the gateway only counts them). Placed
/// between signing and the network of a separate <see cref="BlueGreen.Aws.AwsClients"/>.
/// </summary>
public sealed class RollbackCallRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<string> _operations = new();

    public IReadOnlyList<string> Operations => [.. _operations];

    public void Clear() => _operations.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _operations.Enqueue(await OperationAsync(request, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>JSON protocols name it in X-Amz-Target; Query protocols in the form's Action.</summary>
    private static async Task<string> OperationAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues("X-Amz-Target", out var targets))
        {
            return targets.First().Split('.').Last();
        }

        if (request.Content is { } content)
        {
            // Buffered first, so the body can still be sent after it is read here.
            await content.LoadIntoBufferAsync(cancellationToken);
            var form = await content.ReadAsStringAsync(cancellationToken);
            var action = form.Split('&').FirstOrDefault(p => p.StartsWith("Action=", StringComparison.Ordinal));
            if (action is not null)
            {
                return WebUtility.UrlDecode(action["Action=".Length..]);
            }
        }

        return $"{request.Method} {request.RequestUri?.AbsolutePath}";
    }
}
