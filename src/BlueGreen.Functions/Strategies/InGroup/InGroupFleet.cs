using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Aws.Errors;
using BlueGreen.Core.Errors;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Strategies.InGroup;

/// <summary>
/// The <c>in-group</c> strategy's one group, its instances split in two: new ones (launched from the
/// new AMI, and not among the instances the group had before) and old ones (all the rest). The AMI
/// comes from EC2 because that is what an instance really runs; terminating instances count as
/// neither.
/// </summary>
public sealed record InGroupFleet(AutoScalingGroup Group, IReadOnlyList<GroupInstance> New, IReadOnlyList<GroupInstance> Old)
{
    public static async Task<InGroupFleet?> ReadAsync(
        IAutoScaling autoScaling, IEc2 ec2, string groupName, string imageId, IReadOnlyCollection<string> oldInstanceIds, CancellationToken cancellationToken)
    {
        var group = (await autoScaling.DescribeAutoScalingGroupsAsync([groupName], cancellationToken)).SingleOrDefault(g => g.Name == groupName);
        return group is null ? null : await SplitAsync(group, ec2, imageId, oldInstanceIds, cancellationToken);
    }

    public static async Task<InGroupFleet> SplitAsync(
        AutoScalingGroup group, IEc2 ec2, string imageId, IReadOnlyCollection<string> oldInstanceIds, CancellationToken cancellationToken)
    {
        var groupName = group.Name;
        var live = group.Instances.Where(i => !i.LifecycleState.StartsWith("Terminat", StringComparison.Ordinal)).ToList();
        IReadOnlyList<Ec2Instance> described;
        try
        {
            described = live.Count == 0 ? [] : await ec2.DescribeInstancesAsync(live.Select(i => i.InstanceId).ToList(), cancellationToken);
        }
        catch (AwsNotFoundException gone)
        {
            throw new Transient($"An instance of {groupName} went away while its instances were read; reading again.", innerException: gone);
        }

        var images = described.ToDictionary(i => i.InstanceId, i => i.ImageId, StringComparer.Ordinal);
        bool IsNew(GroupInstance instance) =>
            !oldInstanceIds.Contains(instance.InstanceId) && images.GetValueOrDefault(instance.InstanceId) == imageId;
        return new InGroupFleet(group, live.Where(IsNew).ToList(), live.Where(i => !IsNew(i)).ToList());
    }
}
