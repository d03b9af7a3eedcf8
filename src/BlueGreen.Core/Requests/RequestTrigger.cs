using System.Text.Json.Serialization;
using BlueGreen.Core.Errors;

namespace BlueGreen.Core.Requests;

/// <summary>A console, CLI or CodePipeline request. The AMI need not carry the application tag,
/// but an AMI tagged for a different application is refused.</summary>
public sealed record RequestTrigger(DeploymentRequest Request) : DeploymentTrigger
{
    [JsonIgnore]
    public override TriggerKind Kind => TriggerKind.Request;

    public override string ImageId => Request.ImageId;

    [JsonIgnore]
    public override string? Application => Request.Application;

    public override DeploymentRequest ToRequest(string? taggedApplication)
    {
        if (!string.IsNullOrEmpty(taggedApplication) && taggedApplication != Request.Application)
        {
            throw new ImageNotAllowed(
                $"AMI {ImageId} is tagged {ApplicationTagKey}={taggedApplication}, not {Request.Application}. Deploy it to {taggedApplication}, or build an image for {Request.Application}.");
        }

        return Request;
    }
}
