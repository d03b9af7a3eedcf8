using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Naming;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Requests;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Normalization;

/// <summary>
/// Decides what an image event asks for. Not every image in an account is ours, and pipelines
/// such as Packer tag an AMI only after it became available, so: an AMI that is gone or not
/// available is ignored; an AMI without a <c>bluegreen:application</c> tag is looked at again, after pauses
/// that grow, until they add up to <see cref="TagWait"/>, then ignored; a tagged AMI is deployed.
/// Reads only.
/// </summary>
public sealed class ImageEventIntake(IEc2 ec2, TimeSpan tagWait)
{
    /// <summary>The first pause; each later one is as long as the wait so far, up to <see cref="LongestPause"/>.</summary>
    public static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(2);

    public TimeSpan TagWait { get; } = tagWait;

    /// <param name="awaited">The previous look's answer when this is a look again, else null.</param>
    public async Task<ImageEventVerdict> JudgeAsync(ImageEventTrigger trigger, string imageId, AwaitingImageTag? awaited, CancellationToken cancellationToken)
    {
        var image = (await ec2.DescribeImagesAsync(new ImageQuery { ImageIds = [imageId] }, cancellationToken)).SingleOrDefault();
        if (image is null)
        {
            return Ignore(trigger, imageId, $"AMI {imageId} no longer exists in this region (deregistered after the event), so there is nothing to deploy.");
        }

        if (image.State != "available")
        {
            return Ignore(trigger, imageId, $"AMI {imageId} is {image.State} although the event said it became available, so it is not deployed.");
        }

        var application = image.Tags.GetValueOrDefault(TagKeys.Application);
        if (!string.IsNullOrEmpty(application))
        {
            return new ImageEventVerdict.Deploy(trigger.ToRequest(imageId, application), image);
        }

        var waited = awaited is null ? TimeSpan.Zero : TimeSpan.FromSeconds(awaited.WaitedSeconds + awaited.CheckAgainInSeconds);
        if (waited >= TagWait)
        {
            return Ignore(
                trigger,
                imageId,
                $"No application claims AMI {imageId}: it still has no {TagKeys.Application} tag {Minutes(waited)} after it became available. "
                + $"To deploy it, tag it {TagKeys.Application}=<application> within {Minutes(TagWait)} of becoming available (stack parameter ImageTagWaitMinutes), or start a deployment naming the application.");
        }

        var pause = Clamp(waited, FirstPause, LongestPause);
        if (waited + pause > TagWait)
        {
            pause = TagWait - waited;
        }

        return new ImageEventVerdict.AwaitTag(new AwaitingImageTag(
            imageId,
            (int)waited.TotalSeconds,
            Math.Max(1, (int)Math.Ceiling(pause.TotalSeconds)),
            (int)TagWait.TotalSeconds));
    }

    private static ImageEventVerdict.Ignore Ignore(ImageEventTrigger trigger, string imageId, string reason) =>
        new(new IgnoredOutcome(reason, trigger.Kind, imageId));

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) =>
        value < min ? min : value > max ? max : value;

    private static string Minutes(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0} s";
}

/// <summary>What an image event asks for: deploy a tagged AMI, look again for its tag, or nothing.</summary>
public abstract record ImageEventVerdict
{
    private ImageEventVerdict()
    {
    }

    public sealed record Deploy(DeploymentRequest Request, MachineImage Image) : ImageEventVerdict;

    public sealed record AwaitTag(AwaitingImageTag Awaiting) : ImageEventVerdict;

    public sealed record Ignore(IgnoredOutcome Outcome) : ImageEventVerdict;
}
