using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Aws.Errors;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Provisioning;

namespace BlueGreen.Functions.Strategies.InGroup;

/// <summary>
/// RetireBlue for <c>in-group</c>: the group's old-version instances are terminated one by one with
/// the desired capacity decremented, so the group shrinks back to its own size with only new
/// instances; scale-in protection is lifted from them first (it would keep them from a scale-in,
/// and it must not keep them here). Then the max size and the group's scale-in protection setting
/// are put back as they were. Whatever is already terminating is left alone, so a retry repeats nothing.
/// <c>blueAfterCutover.action</c> does not apply: the old instances always go.
/// </summary>
public sealed class InGroupRetirement(IAutoScaling autoScaling, IEc2 ec2, TimeProvider time)
{
    public async Task<BlueRetirement> RetireAsync(Deployment deployment, GreenFleet green, StepLog log, CancellationToken cancellationToken)
    {
        var before = green.Before ?? throw new InvalidOperationException("In-group RetireBlue needs $.green.before, ProvisionGreen's record of the group.");
        var fleet = await InGroupFleet.ReadAsync(autoScaling, ec2, green.GroupName, deployment.ImageId, before.InstanceIds, cancellationToken)
            ?? throw new InvalidOperationException($"Group {green.GroupName} no longer exists; its old instances cannot be retired.");

        var old = fleet.Old.Select(i => i.InstanceId).ToList();
        var protectedOld = fleet.Old.Where(i => i.ProtectedFromScaleIn).Select(i => i.InstanceId).ToList();
        if (protectedOld.Count > 0)
        {
            await autoScaling.SetInstanceProtectionAsync(green.GroupName, protectedOld, protectedFromScaleIn: false, cancellationToken);
        }

        foreach (var id in old)
        {
            await TerminateAsync(id, cancellationToken);
        }

        if (old.Count > 0)
        {
            log.Info("Terminated old instances {InstanceIds} of {Group}, shrinking it by {Count}", old, green.GroupName, old.Count);
        }

        var group = fleet.Group;
        if (group.MaxSize != before.MaxSize || group.NewInstancesProtectedFromScaleIn != before.NewInstancesProtectedFromScaleIn)
        {
            await autoScaling.UpdateAutoScalingGroupAsync(
                new AutoScalingGroupUpdate(group.Name) { MaxSize = before.MaxSize, NewInstancesProtectedFromScaleIn = before.NewInstancesProtectedFromScaleIn },
                cancellationToken);
            log.Info("Put back max size {MaxSize} and scale-in protection {Protected} of {Group}", before.MaxSize, before.NewInstancesProtectedFromScaleIn, group.Name);
        }

        var outcome = old.Count == 0 ? "old instances already terminated" : $"terminated {old.Count} old-version instance(s)";
        return new BlueRetirement(green.GroupName, BlueAction.Terminate, outcome, time.GetUtcNow());
    }

    private async Task TerminateAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            await autoScaling.TerminateInstanceInAutoScalingGroupAsync(instanceId, decrementDesiredCapacity: true, cancellationToken);
        }
        catch (AwsServiceException busy) when (busy.Code is "ScalingActivityInProgress" or "ResourceContention")
        {
            // The new fleet is live: a busy group must be retried, never rolled back.
            throw new Transient($"Group is busy ({busy.Code}: {busy.ErrorMessage}) while old instance {instanceId} was terminated; trying again shortly.", innerException: busy);
        }
    }
}
