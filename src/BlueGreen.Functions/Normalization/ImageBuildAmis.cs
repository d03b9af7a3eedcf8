using BlueGreen.Aws.ImageBuilder;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Requests;

namespace BlueGreen.Functions.Normalization;

/// <summary>
/// The AMI an image event is about. An AMI event names it; an Image Builder event names the image
/// build version, whose AMIs (one per region it was distributed to) <c>imagebuilder:GetImage</c>
/// lists: the one in this deployment's region is deployed.
/// </summary>
public sealed class ImageBuildAmis(IImageBuilder imageBuilder, string region)
{
    /// <summary>The AMI id of an available image, or why the event has none to deploy here.</summary>
    public async Task<(string? ImageId, IgnoredOutcome? Ignored)> ResolveAsync(ImageEventTrigger trigger, CancellationToken cancellationToken)
    {
        if (trigger is AmiStateChangeTrigger ami)
        {
            return (ami.ImageId, null);
        }

        var build = (ImageBuilderTrigger)trigger;
        var image = await imageBuilder.GetImageAsync(build.ImageArn, cancellationToken);
        if (image is null)
        {
            return (null, Ignored(build, $"Image Builder has no image {build.ImageArn} (deleted after the event?), so there is nothing to deploy."));
        }

        var here = image.Amis.Where(a => a.Region == region).Select(a => a.ImageId).FirstOrDefault();
        if (here is null)
        {
            var elsewhere = image.Amis.Count == 0 ? "no AMI at all" : string.Join(", ", image.Amis.Select(a => $"{a.ImageId} in {a.Region}"));
            return (null, Ignored(build, $"Image Builder image {build.ImageArn} has no AMI in {region} ({elsewhere}); a deployment here needs the image distributed to {region}."));
        }

        return (here, null);
    }

    private static IgnoredOutcome Ignored(ImageBuilderTrigger trigger, string reason) => new(reason, trigger.Kind);
}
