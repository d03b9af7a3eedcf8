namespace BlueGreen.Local.Gateway;

/// <summary>The gateway's port is taken (often: another local cloud is still running).</summary>
public sealed class GatewayPortInUse(int port, Exception inner)
    : Exception($"127.0.0.1:{port} is already in use (another local cloud still running?); stop it, or choose another port (0 picks a free one)", inner)
{
    public int Port { get; } = port;
}
