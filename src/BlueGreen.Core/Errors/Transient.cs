using System.Text.Json.Nodes;

namespace BlueGreen.Core.Errors;

/// <summary>A temporary failure (throttling, 5xx, timeouts) that the state machine's Retry may repeat.</summary>
public sealed class Transient : DeploymentError
{
    public Transient(string message, JsonNode? details = null, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
