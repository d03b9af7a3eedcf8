using System.Text.Json.Nodes;

namespace BlueGreen.Core.Errors;

/// <summary>Rollback itself failed; the lock is kept and the message says what to do by hand.</summary>
public sealed class RollbackFailed : DeploymentError
{
    public RollbackFailed(string message, JsonNode? details = null, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
