using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Errors;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Promotion;

/// <summary>
/// Retires the old blue group after the wait: <c>terminate</c> deletes it with its instances (a
/// launch template an earlier deployment made for it goes too, see <see cref="UnusedLaunchTemplates"/>), <c>scaleToZero</c> keeps the group
/// at min 0 / desired 0 (max unchanged) for a quick way back, <c>keep</c> leaves it serving nothing.
/// Acts only on a group PromoteGreen marked retired by this deployment; a group already gone or
/// already at zero is done. The action is the caller's: with the settings' <c>pair</c> the old group
/// is always scaled to zero, whatever the action says (see <see cref="Strategies.Pair.PairPlacement"/>).
/// </summary>
public sealed class BlueRetirer(IAutoScaling autoScaling, TimeProvider time)
{
    /// <param name="action">What to do with the group: the settings' action, or what the green placement allows (a pair's is always scaleToZero).</param>
    /// <param name="note">Appended to the outcome, e.g. why the settings' action was not the one applied.</param>
    public async Task<BlueRetirement> RetireAsync(Deployment deployment, LiveFleet blue, BlueAction action, string? note, StepLog log, CancellationToken cancellationToken)
    {
        var group = (await autoScaling.DescribeAutoScalingGroupsAsync([blue.GroupName], cancellationToken)).SingleOrDefault(g => g.Name == blue.GroupName);
        var outcome = group is null
            ? Gone(blue, action, log)
            : await RetireAsync(deployment, group, action, log, cancellationToken);
        return new BlueRetirement(blue.GroupName, action, outcome + note, time.GetUtcNow());
    }

    private static string Gone(LiveFleet blue, BlueAction action, StepLog log)
    {
        log.Info("Old blue group {BlueGroup} no longer exists; nothing to retire", blue.GroupName);
        return action == BlueAction.Terminate ? "already deleted" : "already gone";
    }

    private async Task<string> RetireAsync(Deployment deployment, AutoScalingGroup group, BlueAction action, StepLog log, CancellationToken cancellationToken)
    {
        var retiredBy = group.Tags.FirstOrDefault(t => t.Key == RetirementTag.RetiredBy)?.Value;
        if (retiredBy != deployment.DeploymentId)
        {
            throw new InvalidOperationException(
                $"RetireBlue refuses to retire {group.Name}: it is not tagged {RetirementTag.RetiredBy}={deployment.DeploymentId} (found \"{retiredBy ?? "nothing"}\"), so PromoteGreen did not retire it in this deployment.");
        }

        switch (action)
        {
            case BlueAction.Terminate when group.Status?.StartsWith("Delete", StringComparison.OrdinalIgnoreCase) == true:
                return "already deleted";
            case BlueAction.Terminate:
                try
                {
                    await autoScaling.DeleteAutoScalingGroupAsync(group.Name, forceDelete: true, cancellationToken);
                }
                catch (AwsServiceException busy) when (busy.Code is "ScalingActivityInProgress" or "ResourceInUse")
                {
                    // Green is live: a busy blue must be retried, never rolled back.
                    throw new Transient($"Old blue group {group.Name} is busy ({busy.Code}: {busy.ErrorMessage}); deleting it again shortly.", innerException: busy);
                }

                log.Info("Deleted old blue group {BlueGroup} and its instances", group.Name);
                return "deleted";
            case BlueAction.ScaleToZero when group.MinSize == 0 && group.DesiredCapacity == 0:
                return "already at zero";
            case BlueAction.ScaleToZero:
                await autoScaling.UpdateAutoScalingGroupAsync(new AutoScalingGroupUpdate(group.Name) { MinSize = 0, DesiredCapacity = 0 }, cancellationToken);
                log.Info("Scaled old blue group {BlueGroup} to zero (max {MaxSize} kept)", group.Name, group.MaxSize);
                return "scaled to zero";
            default:
                log.Info("Kept old blue group {BlueGroup} as it is, as the settings ask", group.Name);
                return "kept";
        }
    }
}
