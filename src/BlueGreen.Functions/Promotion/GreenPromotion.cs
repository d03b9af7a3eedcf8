using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Aws.Errors;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Naming;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Promotion;

/// <summary>
/// Makes green the live fleet by its tags, so the next deployment finds it as blue and its own
/// green is again the only green: green's color tag takes the live (blue) value; the old blue
/// loses its color tag and is tagged <see cref="RetirementTag.RetiredBy"/> with the deployment
/// id. Green's running instances get the live value too: the group's tag reaches only instances
/// launched later, and a CodeDeploy deployment group filtering on the green value must not find
/// them next time. Each tag is written only when it differs, so a retry writes nothing. For
/// <c>in-group</c> green is blue's own group: it keeps (or, adopted, gains) the live value and
/// nothing is marked retired.
/// </summary>
public sealed class GreenPromotion(IAutoScaling autoScaling, IEc2 ec2, TimeProvider time)
{
    /// <summary>Green is a group beside blue: green tagged live, the old blue untagged and marked retired by this deployment.</summary>
    public async Task<Promoted> PromoteAsync(Deployment deployment, LiveFleet blue, GreenFleet green, StepLog log, CancellationToken cancellationToken)
    {
        var color = deployment.Settings.ColorTag;
        var groups = await TagGreenLiveAsync(deployment, blue, green, log, cancellationToken);
        if (groups.SingleOrDefault(g => g.Name == blue.GroupName) is { } blueGroup)
        {
            if (Tag(blueGroup, color.Key) is not null)
            {
                await autoScaling.DeleteTagsAsync(blue.GroupName, [color.Key], cancellationToken);
            }

            if (Tag(blueGroup, RetirementTag.RetiredBy) != deployment.DeploymentId)
            {
                await autoScaling.CreateOrUpdateTagsAsync(blue.GroupName, [new GroupTag(RetirementTag.RetiredBy, deployment.DeploymentId, PropagateAtLaunch: false)], cancellationToken);
            }

            log.Info("Old blue group {BlueGroup} is no longer tagged live and is marked retired by {DeploymentId}", blue.GroupName, deployment.DeploymentId);
        }
        else
        {
            log.Warn("Old blue group {BlueGroup} no longer exists; nothing to untag", blue.GroupName);
        }

        return new Promoted(green.GroupName, blue.GroupName, color.Key, time.GetUtcNow());
    }

    /// <summary>Green is blue's own group (in-group): it stays live (an adopted one learns its
    /// application so the next deployment finds it by tags); its old instances go in RetireBlue.</summary>
    public async Task<Promoted> PromoteInPlaceAsync(Deployment deployment, LiveFleet blue, GreenFleet green, StepLog log, CancellationToken cancellationToken)
    {
        var groups = await TagGreenLiveAsync(deployment, blue, green, log, cancellationToken);
        if (Tag(groups.Single(g => g.Name == green.GroupName), TagKeys.Application) != deployment.Application)
        {
            await autoScaling.CreateOrUpdateTagsAsync(green.GroupName, [new GroupTag(TagKeys.Application, deployment.Application)], cancellationToken);
        }

        return new Promoted(green.GroupName, blue.GroupName, deployment.Settings.ColorTag.Key, time.GetUtcNow());
    }

    private async Task<IReadOnlyList<AutoScalingGroup>> TagGreenLiveAsync(Deployment deployment, LiveFleet blue, GreenFleet green, StepLog log, CancellationToken cancellationToken)
    {
        var color = deployment.Settings.ColorTag;
        var groups = await autoScaling.DescribeAutoScalingGroupsAsync([green.GroupName, blue.GroupName], cancellationToken);
        var greenGroup = groups.SingleOrDefault(g => g.Name == green.GroupName)
            ?? throw new GreenUnhealthy($"Green group {green.GroupName} does not exist any more, so it cannot be promoted. Was it deleted by hand?");

        if (Tag(greenGroup, color.Key) != color.Blue)
        {
            await autoScaling.CreateOrUpdateTagsAsync(green.GroupName, [new GroupTag(color.Key, color.Blue)], cancellationToken);
            log.Info("Tagged green group {GreenGroup} live: {ColorTagKey}={ColorTagValue}", green.GroupName, color.Key, color.Blue);
        }

        await RetagInstancesAsync(greenGroup, color.Key, color.Blue, log, cancellationToken);
        return groups;
    }

    private async Task RetagInstancesAsync(AutoScalingGroup group, string key, string value, StepLog log, CancellationToken cancellationToken)
    {
        var ids = group.Instances.Where(i => !i.LifecycleState.StartsWith("Terminat", StringComparison.Ordinal)).Select(i => i.InstanceId).ToList();
        IReadOnlyList<Ec2Instance> instances;
        try
        {
            instances = await ec2.DescribeInstancesAsync(ids, cancellationToken);
        }
        catch (AwsNotFoundException)
        {
            // One of them went away meanwhile: the next try (the state's Retry, or the next promotion) sees the rest.
            throw new Transient($"An instance of {group.Name} disappeared while its color tag was changed; trying again will tag the rest.");
        }

        var stale = instances.Where(i => i.Tags.GetValueOrDefault(key) != value).Select(i => i.InstanceId).ToList();
        if (stale.Count > 0)
        {
            await ec2.CreateTagsAsync(stale, new Dictionary<string, string> { [key] = value }, cancellationToken);
            log.Info("Tagged instances {InstanceIds} of {GreenGroup} live", stale, group.Name);
        }
    }

    private static string? Tag(AutoScalingGroup group, string key) =>
        group.Tags.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal))?.Value;
}
