using System.Text.Json.Serialization;

namespace BlueGreen.Core.Requests;

/// <summary>
/// What started a deployment, as parsed by <see cref="TriggerParser"/>: a request naming its
/// application, or an image event naming only an image, whose AMI's <c>bluegreen:application</c>
/// tag says which application (if any) it belongs to.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(RequestTrigger), "request")]
[JsonDerivedType(typeof(AmiStateChangeTrigger), "amiStateChange")]
[JsonDerivedType(typeof(ImageBuilderTrigger), "imageBuilder")]
public abstract record DeploymentTrigger
{
    public const string ApplicationTagKey = Naming.TagKeys.Application;

    [JsonIgnore]
    public abstract TriggerKind Kind { get; }

    /// <summary>The application when the input names it; null for events.</summary>
    [JsonIgnore]
    public virtual string? Application => null;
}
