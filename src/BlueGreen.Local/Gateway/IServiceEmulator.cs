namespace BlueGreen.Local.Gateway;

/// <summary>
/// A service (or some operations) the gateway answers itself instead of forwarding to moto, e.g.
/// the CodeDeploy emulator. Calls still pass the gateway's counting and fault injection first.
/// </summary>
public interface IServiceEmulator
{
    /// <param name="service">The SigV4 signing name, e.g. "codedeploy".</param>
    bool Owns(string service, string operation);

    Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken);
}

/// <summary>One call to an emulated service, as the gateway identified it.</summary>
public sealed record EmulatorRequest(
    string Service,
    string Operation,
    string Region,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    /// <summary>The raw query string, with its leading '?' (empty when there is none): REST
    /// protocols put inputs there, e.g. Image Builder's <c>?imageBuildVersionArn=…</c>.</summary>
    public string QueryString { get; init; } = "";
}

public sealed record EmulatorResponse(int Status, string ContentType, byte[] Body)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
