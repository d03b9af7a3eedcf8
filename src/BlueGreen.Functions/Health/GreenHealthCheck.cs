using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Health;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Provisioning;
using BlueGreen.Functions.Strategies;

namespace BlueGreen.Functions.Health;

/// <summary>
/// One check of the CheckGreenHealth loop: no watched alarm in ALARM (else <see cref="AlarmFired"/>
/// at once), and at least minHealthyPercent of green's desired instances InService and Healthy in
/// the group. Green is in no target group yet (swap attaches it while shifting traffic), so target
/// health is judged there, not here — except in-group, whose new instances already serve. Out of time → <see cref="GreenUnhealthy"/> with every
/// unhealthy instance and why. Reads only.
/// </summary>
public sealed class GreenHealthCheck(FleetHealthReader fleets, AlarmWatch alarms, StrategyServices services)
{
    public async Task<Progress> CheckAsync(Deployment deployment, GreenFleet green, Progress? previous, StepLog log, CancellationToken cancellationToken)
    {
        var health = deployment.Settings.Health;
        var now = services.Time.GetUtcNow();
        // A finished progress belongs to an earlier wait loop (the previous state's): this loop starts now.
        var since = previous is { Done: false } ? previous.Since : now;

        await alarms.ThrowIfAnyInAlarmAsync(health.AlarmNames, $"while green group {green.GroupName} was checked", log, cancellationToken);

        var group = await fleets.FindGroupAsync(green.GroupName, cancellationToken)
            ?? throw new GreenUnhealthy($"Green group {green.GroupName} does not exist any more, so it cannot become healthy. Was it deleted by hand?");
        var verdict = await StrategyCatalog.For(deployment).GreenHealthAsync(deployment, green, group, fleets, services, cancellationToken);

        switch (HealthDeadline.Decide(verdict, since, health.TimeoutSeconds, services.Time))
        {
            case HealthDecision.Healthy:
                log.Info("Green group {GreenGroup} is healthy: {Summary}", green.GroupName, verdict.Summary);
                return Progress.Finished(since, verdict.Summary);
            case HealthDecision.Wait:
                log.Info("Green group {GreenGroup} is not healthy yet: {Summary}", green.GroupName, verdict.Summary);
                return Progress.Waiting(since, verdict.Summary);
            default:
                throw verdict.ToError(health.TimeoutSeconds);
        }
    }

    /// <summary>Every instance of green's group healthy in the group (what the strategy's
    /// <see cref="IStrategy.GreenHealthAsync"/> asks for a group of green's own).</summary>
    public static async Task<HealthVerdict> WholeGroupAsync(Deployment deployment, AutoScalingGroup group, FleetHealthReader fleets, CancellationToken cancellationToken) =>
        HealthRule.Evaluate(await fleets.ReadAsync(group, [], cancellationToken), [], group.DesiredCapacity, deployment.Settings.Health.MinHealthyPercent);
}
