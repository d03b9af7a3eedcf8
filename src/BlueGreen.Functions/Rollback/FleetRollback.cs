using System.Text.Json;
using BlueGreen.Aws;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.CodeDeploy;
using BlueGreen.Aws.Errors;
using BlueGreen.Core.Naming;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Serialization;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.CodeDeployment;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Locking;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Rollback;

/// <summary>
/// RollBack, the compensation branch: undoes whatever part of the deployment exists, in this order
/// — (a) traffic back to blue (its first write, the strategy's <see cref="IStrategy.RestoreTrafficAsync"/>),
/// (b) blue tagged live (and green not) by color, (c) a running CodeDeploy deployment stopped,
/// (d) green removed (the strategy's <see cref="IStrategy.RemoveGreenAsync"/>: deleted, a pair's idle
/// group scaled to zero, nothing more for in-group, whose (a) already undid it on blue's own group)
/// and a launch template the deployment made deleted, (e) the lock released if this execution holds it. Every step looks before it writes, so
/// the state machine may retry it; a failing step propagates (after the clients' own retries).
/// </summary>
public sealed class FleetRollback(AwsClients aws, string lockTable, TimeProvider time)
{
    private static readonly DeploymentStatus[] Running =
        [DeploymentStatus.Created, DeploymentStatus.Queued, DeploymentStatus.InProgress, DeploymentStatus.Baking, DeploymentStatus.Ready];

    /// <summary>When this run's traffic write gave blue its traffic back; null when it wrote none
    /// (traffic had not moved, or an earlier try already moved it back).</summary>
    public DateTimeOffset? TrafficRestoredAt { get; private set; }

    public async Task<RollbackOutcome> RollBackAsync(WorkflowState state, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = state.Deployment;
        var settings = deployment.Settings;
        var original = OriginalFailure.From(state.Failure);
        var report = new RollbackReport(log);
        log.Info("Rolling back after {Error}: {Message}", original.Error, original.Message);

        var strategy = StrategyCatalog.For(deployment);
        var blueName = state.Live?.GroupName;
        // Found from the settings, not $.green: ProvisionGreen may have failed before recording it.
        var greenName = strategy.RollbackGreenName(deployment, blueName);
        var groups = await aws.AutoScaling.DescribeAutoScalingGroupsAsync(blueName is null ? [greenName] : [blueName, greenName], cancellationToken);
        var blue = groups.FirstOrDefault(g => g.Name == blueName);
        var green = groups.FirstOrDefault(g => g.Name == greenName && g.Status is null or not "Delete in progress");
        var scene = new RollbackScene(state, green, report, new StrategyServices(aws, time), log);

        // (a) Traffic first: nothing else matters while users might be served by a broken green.
        var rolledBack = true;
        if (blueName is not null)
        {
            if (blue is null || (blue.DesiredCapacity == 0 && green is not null && green.Instances.Count > 0))
            {
                throw new InvalidOperationException(
                    $"Blue group {blueName} {(blue is null ? "no longer exists" : "has no instances")}, so it cannot take traffic back; green group {greenName} was left serving.");
            }

            rolledBack = await strategy.RestoreTrafficAsync(scene, blue, cancellationToken);

            if (report.Actions.Count > 0)
            {
                TrafficRestoredAt = time.GetUtcNow();
            }

            // (b) Blue is the live fleet by tags: PromoteGreen may have moved the live value to green,
            // and an adopted blue never carried it.
            await RestoreColorsAsync(blue, green, deployment, report, cancellationToken);
        }

        // (c) A CodeDeploy deployment still running on green.
        await StopCodeDeployAsync(state, report, log, cancellationToken);

        // (d) Green and what the deployment made for it.
        await strategy.RemoveGreenAsync(scene, cancellationToken);

        foreach (var template in await aws.Ec2.DescribeLaunchTemplatesAsync([deployment.Names.LaunchTemplate], cancellationToken))
        {
            await aws.Ec2.DeleteLaunchTemplateAsync(template.Id, cancellationToken);
            report.Done($"deleted launch template {template.Name} ({template.Id})");
        }

        // (e) The lock, unless it belongs to the execution that made this one fail.
        if (original.Error != nameof(Core.Errors.DeploymentLocked))
        {
            if (await new DeploymentLock(aws.DynamoDb, aws.StepFunctions, lockTable, time).ReleaseAsync(deployment, log, cancellationToken) == LockRelease.Released)
            {
                report.Done($"released the deployment lock of {deployment.Application}");
            }
        }

        var liveGroup = blueName ?? await FindLiveGroupAsync(deployment.Application, settings, cancellationToken);
        log.Info("Rolled back ({Count} change(s)); live group {LiveGroup}", report.Actions.Count, liveGroup);
        return original.ToOutcome(rolledBack, liveGroup);
    }

    private async Task RestoreColorsAsync(AutoScalingGroup blue, AutoScalingGroup? green, Deployment deployment, RollbackReport report, CancellationToken cancellationToken)
    {
        var color = deployment.Settings.ColorTag;
        var greenIsLive = green is not null && TagValue(green, color.Key) == color.Blue;
        // Live by tags means the application's tag too: an adopted blue had neither, and DESIGN §4
        // wants exactly one group tagged live after every ending, so the next deployment finds it by tags.
        if (TagValue(blue, color.Key) != color.Blue || TagValue(blue, TagKeys.Application) != deployment.Application)
        {
            await aws.AutoScaling.CreateOrUpdateTagsAsync(blue.Name, [new GroupTag(color.Key, color.Blue), new GroupTag(TagKeys.Application, deployment.Application)], cancellationToken);
            report.Done($"tagged blue group {blue.Name} {color.Key}={color.Blue} (live)");
        }

        if (TagValue(blue, Promotion.RetirementTag.RetiredBy) == deployment.DeploymentId)
        {
            // Blue is live again: RetireBlue of this deployment must never act on it.
            await aws.AutoScaling.DeleteTagsAsync(blue.Name, [Promotion.RetirementTag.RetiredBy], cancellationToken);
            report.Done($"removed {Promotion.RetirementTag.RetiredBy} from blue group {blue.Name}");
        }

        if (greenIsLive)
        {
            await aws.AutoScaling.CreateOrUpdateTagsAsync(green!.Name, [new GroupTag(color.Key, color.Green)], cancellationToken);
            report.Done($"tagged green group {green.Name} {color.Key}={color.Green} again");
        }
    }

    private async Task StopCodeDeployAsync(WorkflowState state, RollbackReport report, StepLog log, CancellationToken cancellationToken)
    {
        var deployment = state.Deployment;
        string? id = state.CodeDeploy?.DeploymentId;
        if (id is null && deployment.Settings.CodeDeploy is { } settings && state.Green is not null)
        {
            // DeployRevision may have created one and failed before recording it.
            try
            {
                id = (await new DeploymentFinder(aws.CodeDeploy).FindAsync(
                    settings.Application, settings.DeploymentGroup, deployment.DeploymentId, deployment.StartedAt, cancellationToken))?.Id;
            }
            catch (AwsNotFoundException error)
            {
                log.Warn("No CodeDeploy deployment to stop: {Reason}", error.ErrorMessage);
            }
        }

        if (id is null)
        {
            return;
        }

        var status = (await aws.CodeDeploy.GetDeploymentAsync(id, cancellationToken)).Status;
        if (Array.IndexOf(Running, status) < 0)
        {
            return;
        }

        try
        {
            await aws.CodeDeploy.StopDeploymentAsync(id, cancellationToken: cancellationToken);
            report.Done($"stopped CodeDeploy deployment {id}");
        }
        catch (AwsServiceException error) when (error.Code == "DeploymentAlreadyCompletedException")
        {
            // It ended between the two calls: nothing left to stop.
        }
    }

    /// <summary>Without $.live (failed before DescribeLive), the live group is the one tagged live, or the adopted one.</summary>
    private async Task<string?> FindLiveGroupAsync(string application, ApplicationSettings settings, CancellationToken cancellationToken)
    {
        var tagged = await aws.AutoScaling.DescribeAutoScalingGroupsByTagsAsync(
            new Dictionary<string, string> { [TagKeys.Application] = application, [settings.ColorTag.Key] = settings.ColorTag.Blue },
            cancellationToken);
        return tagged.Count == 1 ? tagged[0].Name : settings.LiveGroup;
    }

    private static string? TagValue(AutoScalingGroup group, string key) =>
        group.Tags.FirstOrDefault(t => t.Key == key)?.Value;
}
