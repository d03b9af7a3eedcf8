using System.Text.Json.Nodes;

namespace BlueGreen.Core.Errors;

/// <summary>
/// Base of every domain error. The concrete type's name is the error name the ASL catches
/// (<c>"ErrorEquals": ["GreenUnhealthy"]</c>), so subclasses are named exactly like the errors
/// and are never renamed.
/// </summary>
public abstract class DeploymentError : Exception
{
    protected DeploymentError(string message, JsonNode? details = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Details = details;
    }

    /// <summary>The ASL error name: the runtime type's name.</summary>
    public string ErrorName => GetType().Name;

    /// <summary>Structured facts for the failure cause (instances, holders, problems...); JSON-able.</summary>
    public JsonNode? Details { get; }
}
