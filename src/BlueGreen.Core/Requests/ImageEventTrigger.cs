using BlueGreen.Core.Errors;

namespace BlueGreen.Core.Requests;

/// <summary>
/// An EventBridge event saying an image is ready. It names no application: the AMI's
/// <c>bluegreen:application</c> tag does, possibly some time after the event (image pipelines
/// such as Packer tag after the AMI becomes available). Not every image is ours, so an event's
/// image that no application claims is ignored, not refused.
/// </summary>
public abstract record ImageEventTrigger : DeploymentTrigger
{
    /// <summary>The event's own id (EventBridge <c>id</c>), for the reason and the logs.</summary>
    public abstract string? EventId { get; }

    /// <summary>The region the event comes from; null when the event does not say.</summary>
    public abstract string? Region { get; }

    /// <summary>The state the event reports, in the event's words.</summary>
    public abstract string State { get; }

    /// <summary>True when the event says the image is ready to deploy (AMI <c>available</c>,
    /// Image Builder <c>AVAILABLE</c>).</summary>
    public abstract bool IsAvailable { get; }

    /// <summary>The image the event names, in words: "AMI ami-…", "Image Builder image arn:…".</summary>
    public abstract string Subject { get; }

    /// <summary>What the event is about, in words: "AMI ami-… became available (…)".</summary>
    public abstract string Describe(string imageId);

    /// <summary>
    /// The request to run for the event's AMI, given its <c>bluegreen:application</c> tag.
    /// Throws <see cref="ImageNotAllowed"/> when the tag is missing or not an application name.
    /// </summary>
    public DeploymentRequest ToRequest(string imageId, string? taggedApplication)
    {
        if (string.IsNullOrEmpty(taggedApplication))
        {
            throw new ImageNotAllowed(
                $"AMI {imageId} has no {ApplicationTagKey} tag, so no application claims it. Tag the AMI {ApplicationTagKey}=<application> in the image pipeline.");
        }

        if (!ApplicationName.IsValid(taggedApplication))
        {
            throw new ImageNotAllowed(
                $"AMI {imageId} is tagged {ApplicationTagKey}=\"{taggedApplication}\", which is not a valid application name. Use 1 to 32 lowercase letters, digits and hyphens, starting with a letter.");
        }

        return new DeploymentRequest(taggedApplication, imageId, Reason: Describe(imageId));
    }
}
