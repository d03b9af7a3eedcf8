namespace BlueGreen.Local.Calls;

/// <summary>
/// Which in-process Lambda function is making an AWS call. The gateway sets it around each invoke;
/// the handlers' HTTP pipeline stamps it on their requests, so the call counter can tell which
/// function called what — the evidence the template's per-function IAM policies are checked against.
/// </summary>
public static class CallingFunction
{
    public const string Header = "X-BlueGreen-Function";

    private static readonly AsyncLocal<string?> CurrentFunction = new();

    public static string? Current
    {
        get => CurrentFunction.Value;
        internal set => CurrentFunction.Value = value;
    }

    /// <summary>Adds the header to requests made while a function runs (below the signer: the
    /// header is informational and unsigned).</summary>
    internal sealed class Stamp : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Current is { } function)
            {
                request.Headers.TryAddWithoutValidation(Header, function);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
