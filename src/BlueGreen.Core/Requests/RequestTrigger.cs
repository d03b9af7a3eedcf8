using System.Text.Json.Serialization;
using BlueGreen.Core.Errors;

namespace BlueGreen.Core.Requests;

/// <summary>A console, CLI or CodePipeline request. The AMI need not carry the application tag,
/// but an AMI tagged for a different application is refused.</summary>
public sealed record RequestTrigger(DeploymentRequest Request) : DeploymentTrigger
{
    [JsonIgnore]
    public override TriggerKind Kind => TriggerKind.Request;

    public string ImageId => Request.ImageId;

    [JsonIgnore]
    public override string? Application => Request.Application;

    /// <summary>The request, once the AMI's <c>bluegreen:application</c> tag (null when it has
    /// none) is known not to name another application; <see cref="ImageNotAllowed"/> otherwise.</summary>
    public DeploymentRequest ToRequest(string? taggedApplication)
    {
        if (!string.IsNullOrEmpty(taggedApplication) && taggedApplication != Request.Application)
        {
            throw new ImageNotAllowed(
                $"AMI {ImageId} is tagged {ApplicationTagKey}={taggedApplication}, not {Request.Application}. Deploy it to {taggedApplication}, or build an image for {Request.Application}.");
        }

        return Request;
    }
}
