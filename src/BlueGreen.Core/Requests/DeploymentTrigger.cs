using System.Text.Json.Serialization;
using BlueGreen.Core.Errors;

namespace BlueGreen.Core.Requests;

/// <summary>
/// What started a deployment, as parsed by <see cref="TriggerParser"/>. Requests name their
/// application; events only name the AMI, whose <c>bluegreen:application</c> tag the handler looks
/// up and passes to <see cref="ToRequest"/>.
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

    public abstract string ImageId { get; }

    /// <summary>The application when the input names it; null for events.</summary>
    [JsonIgnore]
    public virtual string? Application => null;

    /// <summary>
    /// The request to run, given the AMI's <c>bluegreen:application</c> tag value (null when the
    /// AMI has none). Throws <see cref="ImageNotAllowed"/> when the AMI is tagged for another
    /// application, or is an event's AMI with no (valid) tag.
    /// </summary>
    public abstract DeploymentRequest ToRequest(string? taggedApplication);

    private protected DeploymentRequest FromTag(string? taggedApplication, string reason)
    {
        if (string.IsNullOrEmpty(taggedApplication))
        {
            throw new ImageNotAllowed(
                $"AMI {ImageId} has no {ApplicationTagKey} tag, so no application claims it. Tag the AMI {ApplicationTagKey}=<application> in the image pipeline.");
        }

        if (!ApplicationName.IsValid(taggedApplication))
        {
            throw new ImageNotAllowed(
                $"AMI {ImageId} is tagged {ApplicationTagKey}=\"{taggedApplication}\", which is not a valid application name. Use 1 to 32 lowercase letters, digits and hyphens, starting with a letter.");
        }

        return new DeploymentRequest(taggedApplication, ImageId, Reason: reason);
    }
}
