using BlueGreen.Core.Traffic;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Planning;

/// <summary>
/// The dry run's answer: what ProvisionGreen, ShiftTraffic and RetireBlue would do with this
/// deployment and this live fleet, from what NormalizeRequest and DescribeLive already read; the
/// sentences that differ by strategy come from the strategy.
/// Pure: no AWS call, no clock.
/// </summary>
public static class DeploymentPlanner
{
    public static DeploymentPlan Plan(Deployment deployment, LiveFleet live)
    {
        var settings = deployment.Settings;
        var strategy = StrategyCatalog.For(deployment);
        var greenGroup = strategy.GreenGroupName(deployment, live);
        var template = new PlannedLaunchTemplate(
            PlannedLaunchTemplate.NewTemplate,
            deployment.ImageId,
            TemplateId: live.LaunchTemplate?.Id,
            FromVersion: live.LaunchTemplate?.Version,
            TemplateName: deployment.Names.LaunchTemplate,
            FromLaunchConfiguration: live.LaunchTemplate is null ? live.LaunchConfigurationName : null);
        var capacity = new PlannedCapacity(live.MinSize, live.MaxSize, live.DesiredCapacity);
        var targets = strategy.TrafficTargets(deployment, live);
        var traffic = TrafficPlan.For(settings);
        var codeDeploy = settings.CodeDeploy is { } cd ? $"{cd.Application}/{cd.DeploymentGroup}" : null;

        var summary = new List<string>
        {
            $"Dry run of {deployment.Application} to {deployment.ImageId}: nothing was changed (0 writes).",
            live.Adopted
                ? $"Live fleet: {live.GroupName}, adopted from the settings' liveGroup because no group is tagged live yet; it would be tagged {settings.ColorTag.Key}={settings.ColorTag.Blue}."
                : $"Live fleet: {live.GroupName}, tagged {settings.ColorTag.Key}={settings.ColorTag.Blue}, {live.InstanceIds.Count} instance(s) InService.",
        };
        summary.AddRange(strategy.PlanGreen(deployment, live, template, capacity));
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

        summary.Add(strategy.PlanTraffic(deployment, live, targets, traffic));
        summary.Add(strategy.PlanAfterCutover(deployment, live));

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

    private static string Alarms(IReadOnlyList<string> alarms) =>
        alarms.Count == 0 ? ", no alarms watched" : $", watching alarm(s) {Join(alarms)}";

    private static string Join(IReadOnlyList<string> values) => values.Count == 0 ? "(none)" : string.Join(", ", values);
}
