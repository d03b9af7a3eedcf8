using System.Globalization;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;

namespace BlueGreen.Functions.Planning;

/// <summary>
/// The dry run's answer: what ProvisionGreen, ShiftTraffic and RetireBlue would do with this
/// deployment and this live fleet, from what NormalizeRequest and DescribeLive already read.
/// Pure: no AWS call, no clock.
/// </summary>
public static class DeploymentPlanner
{
    public static DeploymentPlan Plan(Deployment deployment, LiveFleet live)
    {
        var settings = deployment.Settings;
        var inGroup = deployment.Strategy == DeploymentStrategy.InGroup;
        var pairIdle = settings.Pair?.IdleOf(live.GroupName);
        var greenGroup = inGroup ? live.GroupName : pairIdle ?? deployment.Names.GreenGroup;
        var template = new PlannedLaunchTemplate(
            PlannedLaunchTemplate.NewTemplate,
            deployment.ImageId,
            TemplateId: live.LaunchTemplate?.Id,
            FromVersion: live.LaunchTemplate?.Version,
            TemplateName: deployment.Names.LaunchTemplate,
            FromLaunchConfiguration: live.LaunchTemplate is null ? live.LaunchConfigurationName : null);
        var capacity = new PlannedCapacity(live.MinSize, live.MaxSize, live.DesiredCapacity);
        var targets = TrafficTargets(deployment, live);
        var traffic = TrafficPlan.For(settings);
        var codeDeploy = settings.CodeDeploy is { } cd ? $"{cd.Application}/{cd.DeploymentGroup}" : null;

        var summary = new List<string>
        {
            $"Dry run of {deployment.Application} to {deployment.ImageId}: nothing was changed (0 writes).",
            live.Adopted
                ? $"Live fleet: {live.GroupName}, adopted from the settings' liveGroup because no group is tagged live yet; it would be tagged {settings.ColorTag.Key}={settings.ColorTag.Blue}."
                : $"Live fleet: {live.GroupName}, tagged {settings.ColorTag.Key}={settings.ColorTag.Blue}, {live.InstanceIds.Count} instance(s) InService.",
            pairIdle is not null
                ? $"Launch template: a new version of pair group {pairIdle}'s own template with AMI {deployment.ImageId}."
                : TemplateSentence(template),
            pairIdle is not null
                ? $"Pair group {pairIdle} (it exists; nothing is created) would launch from it with blue's sizes (min {capacity.MinSize}, max {capacity.MaxSize}, desired {capacity.DesiredCapacity}), tagged {settings.ColorTag.Key}={settings.ColorTag.Green}."
                : inGroup
                ? $"Group {greenGroup} would launch from it, growing from {capacity.DesiredCapacity} to {capacity.DesiredCapacity * 2} instances, then shrink back removing the old launch template's instances first."
                : $"Green group {greenGroup} would be created with blue's sizes (min {capacity.MinSize}, max {capacity.MaxSize}, desired {capacity.DesiredCapacity}) in subnets {Join(live.SubnetIds)}, tagged {settings.ColorTag.Key}={settings.ColorTag.Green}.",
        };
        if (codeDeploy is not null)
        {
            summary.Add($"CodeDeploy would deploy to green through {codeDeploy} (timeout {settings.CodeDeploy!.TimeoutSeconds} s).");
        }
        else
        {
            summary.Add("CodeDeploy would not run (no codeDeploy settings).");
        }

        summary.Add($"Green must be healthy in target group(s) {Join(targets)} ({settings.Health.MinHealthyPercent}% of instances) within {settings.Health.TimeoutSeconds} s{Alarms(settings.Health.AlarmNames)}.");
        if (settings.Approval.Required)
        {
            summary.Add($"A person would have to approve before traffic moves (within {settings.Approval.TimeoutSeconds} s).");
        }

        summary.Add(TrafficSentence(deployment.Strategy, targets, traffic, live.TrafficPath));
        summary.Add(pairIdle is not null
            ? $"After cutover blue ({live.GroupName}) stays ready for rollback for {settings.BlueAfterCutover.WaitSeconds} s, then is scaled to zero (a pair's groups are never deleted); {pairIdle} becomes the live fleet."
            : BlueSentence(live.GroupName, settings, inGroup));

        return new DeploymentPlan(
            deployment.DeploymentId,
            deployment.Application,
            deployment.ImageId,
            live.GroupName,
            live.Adopted,
            greenGroup,
            template,
            capacity,
            live.SubnetIds,
            deployment.Strategy,
            targets,
            traffic,
            settings.BlueAfterCutover,
            codeDeploy,
            settings.Approval.Required,
            summary);
    }

    /// <summary>Where green takes traffic: blue's target groups for swap and in-group; for weighted
    /// and dns, the idle half DescribeLive found by the weights (<see cref="LiveFleet.TrafficPath"/>).</summary>
    private static IReadOnlyList<string> TrafficTargets(Deployment deployment, LiveFleet live)
    {
        var settings = deployment.Settings;
        return deployment.Strategy switch
        {
            DeploymentStrategy.Weighted or DeploymentStrategy.Dns when live.TrafficPath is { } path => [path.IdleTargetGroupArn],
            _ => settings.TargetGroupArns.Count > 0 ? settings.TargetGroupArns : live.TargetGroupArns,
        };
    }

    private static string TemplateSentence(PlannedLaunchTemplate template) => template.FromLaunchConfiguration is null
        ? $"Launch template: green's own {template.TemplateName}, a copy of {template.TemplateId} v{template.FromVersion} with AMI {template.ImageId}; blue's template is not changed."
        : $"Launch template: green's own {template.TemplateName} with AMI {template.ImageId}, copied from blue's launch configuration {template.FromLaunchConfiguration}.";

    private static string TrafficSentence(DeploymentStrategy strategy, IReadOnlyList<string> targets, TrafficPlan traffic, TrafficPath? path)
    {
        var steps = string.Join(", ", traffic.Steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.GreenWeight}% (bake {s.BakeSeconds} s)")));
        return strategy switch
        {
            DeploymentStrategy.Swap => $"Traffic (swap): green joins {Join(targets)}, and once healthy there blue leaves them (connections drain).",
            DeploymentStrategy.Weighted => $"Traffic (weighted): the idle target group {Join(targets)} (weight 0 now) serves only green and, once green is healthy there, gets weight {steps}; blue's {path?.LiveTargetGroupArn} keeps the rest.",
            DeploymentStrategy.Dns => $"Traffic (dns): the idle record {path?.IdleSetIdentifier} (weight 0 now; target group {Join(targets)}) serves only green and, once green is healthy there, gets {steps}; blue's record {path?.LiveSetIdentifier} keeps the rest; each change waits for INSYNC, and blue drains for the record's TTL.",
            _ => $"Traffic (in-group): new instances join {Join(targets)} in the same group; old ones are removed once the new are healthy.",
        };
    }

    private static string BlueSentence(string blue, ApplicationSettings settings, bool inGroup)
    {
        if (inGroup)
        {
            return $"Afterwards {blue} keeps serving, on the new launch template version only.";
        }

        var after = settings.BlueAfterCutover;
        var action = after.Action switch
        {
            BlueAction.Terminate => "deleted with its instances",
            BlueAction.ScaleToZero => "scaled to zero (the group is kept)",
            _ => "kept as it is",
        };
        return $"After cutover blue ({blue}) stays ready for rollback for {after.WaitSeconds} s, then is {action}; green becomes the live fleet ({settings.ColorTag.Key}={settings.ColorTag.Blue}).";
    }

    private static string Alarms(IReadOnlyList<string> alarms) =>
        alarms.Count == 0 ? ", no alarms watched" : $", watching alarm(s) {Join(alarms)}";

    private static string Join(IReadOnlyList<string> values) => values.Count == 0 ? "(none)" : string.Join(", ", values);
}
