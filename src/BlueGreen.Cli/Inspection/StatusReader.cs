using BlueGreen.Aws;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Cli.Operator;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Requests;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Discovery;
using BlueGreen.Functions.Locking;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Strategies;
using BlueGreen.Functions.Strategies.Weights;

namespace BlueGreen.Cli.Inspection;

/// <summary>
/// Reads one application's status the way the workflow reads it: the live group through
/// <see cref="LiveFleetReader"/> (tagged live, else the settings' liveGroup), the split through the
/// strategy's <see cref="IWeightPath"/>, the lock item, and the holder's latest history events.
/// Reads only.
/// </summary>
internal sealed class StatusReader(AwsClients aws, ApplicationCatalog catalog, StackResources stack, TimeProvider time)
{
    /// <summary>History events read to find the state a running deployment is in (one page, newest first).</summary>
    public const int LatestEvents = 20;

    public async Task<ApplicationStatus> ReadAsync(string application, string? settingsJson, DeploymentRecord? lastOutcome, CancellationToken cancellationToken)
    {
        var parameter = settingsJson is null ? null : ApplicationSettings.ParameterName(application);
        ApplicationSettings settings;
        try
        {
            settings = settingsJson is null ? new ApplicationSettings() : SettingsParser.Parse(settingsJson, parameter);
        }
        catch (InvalidRequest invalid)
        {
            // The group tagged live is found without settings; the traffic path needs them.
            var (tagged, _, _) = await LiveAsync(application, new ApplicationSettings(), deploying: false, cancellationToken);
            return new ApplicationStatus(application, parameter, "", tagged, null, new StatusProblem(invalid.ErrorName, invalid.Message),
                await InFlightAsync(application, cancellationToken), lastOutcome);
        }

        var inFlight = await InFlightAsync(application, cancellationToken);
        var (live, traffic, problem) = await LiveAsync(application, settings, inFlight is { Status: "RUNNING" }, cancellationToken);
        return new ApplicationStatus(application, parameter, Strategy(settings.Strategy), live, traffic, problem, inFlight, lastOutcome);
    }

    /// <param name="deploying">A deployment is running: a swap moves the target groups from blue to
    /// green, so blue not being in them is its progress, not the misconfiguration it would be otherwise.</param>
    private async Task<(LiveGroupStatus?, TrafficStatus?, StatusProblem?)> LiveAsync(string application, ApplicationSettings settings, bool deploying, CancellationToken cancellationToken)
    {
        // The reader takes a deployment; only its application, strategy and settings are read.
        var deployment = new Deployment("status", "status", "status", application, "", TriggerKind.Request, null, true, settings.Strategy, settings,
            new DeploymentResourceNames("", "", ApplicationSettings.ParameterName(application)), time.GetUtcNow());
        var log = new StepLog(TextWriter.Null, time, "status");
        var strategy = StrategyCatalog.For(deployment);
        var services = new StrategyServices(aws, time);
        var weightPath = strategy.WeightPath(deployment, services);
        LiveFleet fleet;
        try
        {
            fleet = await new LiveFleetReader(services, strategy).ReadAsync(deployment, log, cancellationToken);
        }
        catch (InvalidRequest) when (weightPath is not null)
        {
            // Mid-shift both halves carry weight, so no half is idle: the live group's own target group is blue's half.
            try
            {
                fleet = await new LiveFleetReader(services, strategy, LiveTrafficPath.Unchecked).ReadAsync(deployment, log, cancellationToken);
            }
            catch (DeploymentError error)
            {
                return (null, null, new StatusProblem(error.ErrorName, error.Message));
            }
        }
        catch (LiveGroupNotFound) when (deploying && weightPath is null && settings.TargetGroupArns.Count > 0)
        {
            // The reader checks blue is in every target group the settings name: mid-swap it is not.
            fleet = await new LiveFleetReader(services, strategy, LiveTrafficPath.Unchecked).ReadAsync(deployment, log, cancellationToken);
        }
        catch (DeploymentError error)
        {
            return (null, null, new StatusProblem(error.ErrorName, error.Message));
        }

        var groups = await catalog.GroupsOfAsync(application, cancellationToken);
        var live = new LiveGroupStatus(
            fleet.GroupName,
            fleet.Adopted,
            await ImageOfAsync(fleet, cancellationToken),
            fleet.LaunchTemplate is { } template ? $"{template.Id}:{template.Version}" : null,
            fleet.LaunchConfigurationName,
            fleet.DesiredCapacity,
            fleet.MinSize,
            fleet.MaxSize,
            fleet.InstanceIds.Count);
        try
        {
            var traffic = weightPath is null
                ? TargetGroupSplit(settings, fleet, groups)
                : await WeightedSplitAsync(weightPath, fleet, groups, cancellationToken);
            return (live, traffic, null);
        }
        catch (DeploymentError error)
        {
            return (live, null, new StatusProblem(error.ErrorName, error.Message));
        }
    }

    private async Task<string?> ImageOfAsync(LiveFleet fleet, CancellationToken cancellationToken)
    {
        if (fleet.LaunchTemplate is { } template)
        {
            var versions = await aws.Ec2.DescribeLaunchTemplateVersionsAsync(new LaunchTemplateReference(template.Id, null, template.Version), [template.Version], cancellationToken);
            return versions.FirstOrDefault()?.Data.ImageId;
        }

        if (fleet.LaunchConfigurationName is { } name)
        {
            return (await aws.AutoScaling.DescribeLaunchConfigurationsAsync([name], cancellationToken)).FirstOrDefault()?.ImageId;
        }

        return null;
    }

    /// <summary>weighted and dns: the two halves' weights as the shift reads them.</summary>
    private static async Task<TrafficStatus> WeightedSplitAsync(IWeightPath weightPath, LiveFleet fleet, IReadOnlyList<AutoScalingGroup> groups, CancellationToken cancellationToken)
    {
        var path = fleet.TrafficPath ?? weightPath.PathServedBy(fleet.TargetGroupArns)
            ?? throw new LiveGroupNotFound($"The live group {fleet.GroupName} is attached to neither target group of the weighted pair on {weightPath.Name}.");
        var weights = await weightPath.ReadAsync(path, cancellationToken);
        var total = Math.Max(1, weights.Blue + weights.Green);
        var blueShare = (int)Math.Round(100.0 * weights.Blue / total);
        var idleGroup = groups.FirstOrDefault(g => g.Name != fleet.GroupName && g.TargetGroupArns.Contains(path.IdleTargetGroupArn, StringComparer.Ordinal))?.Name;
        return new TrafficStatus(weightPath.Name,
        [
            new TrafficSide(path.LiveSetIdentifier ?? path.LiveTargetGroupArn, fleet.GroupName, true, weights.Blue, weights.Blue + weights.Green == 0 ? 0 : blueShare),
            new TrafficSide(path.IdleSetIdentifier ?? path.IdleTargetGroupArn, idleGroup, false, weights.Green, weights.Blue + weights.Green == 0 ? 0 : 100 - blueShare),
        ]);
    }

    /// <summary>swap and in-group: the application's groups behind the settings' target groups, each
    /// with its part of the InService instances there (an ALB spreads requests over healthy targets).</summary>
    private static TrafficStatus TargetGroupSplit(ApplicationSettings settings, LiveFleet fleet, IReadOnlyList<AutoScalingGroup> groups)
    {
        var targetGroups = settings.TargetGroupArns.Count > 0 ? settings.TargetGroupArns : fleet.TargetGroupArns;
        var liveTargets = fleet.TargetGroupArns.Intersect(targetGroups, StringComparer.Ordinal).ToList();
        var serving = groups
            .Where(g => g.Name != fleet.GroupName && g.TargetGroupArns.Intersect(targetGroups, StringComparer.Ordinal).Any())
            .Select(g => (g.Name, Live: false, InService: g.Instances.Count(i => i.LifecycleState == "InService"), Targets: g.TargetGroupArns.Intersect(targetGroups, StringComparer.Ordinal).ToList()))
            // Blue detached mid-swap (draining) serves nothing, whatever it still runs.
            .Prepend((Name: fleet.GroupName, Live: true, InService: liveTargets.Count == 0 ? 0 : fleet.InstanceIds.Count, Targets: liveTargets))
            .ToList();
        var total = serving.Sum(s => s.InService);
        var sides = serving.Select(s => new TrafficSide(
            string.Join(",", s.Targets),
            s.Name,
            s.Live,
            null,
            total == 0 ? (s.Live && serving.Count == 1 ? 100 : 0) : (int)Math.Round(100.0 * s.InService / total))).ToList();
        return new TrafficStatus(targetGroups.Count == 0 ? "no target groups" : $"target groups {string.Join(", ", targetGroups)}", sides);
    }

    private async Task<InFlightDeployment?> InFlightAsync(string application, CancellationToken cancellationToken)
    {
        LockHolder? holder;
        try
        {
            holder = await LockHolder.ReadAsync(aws.DynamoDb, stack.LockTableName, application, cancellationToken);
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            throw new OperatorError("LockTableNotFound", $"Stack {stack.StackName} has no lock table {stack.LockTableName}.", "Pass --stack with the name given to sam deploy.");
        }

        if (holder is null)
        {
            return null;
        }

        var status = "UNKNOWN";
        string? state = null;
        DateTimeOffset? stateSince = null;
        try
        {
            var execution = await aws.StepFunctions.DescribeExecutionAsync(holder.ExecutionArn, cancellationToken);
            status = StatusName(execution.Status);
            var latest = await aws.StepFunctions.GetLatestHistoryAsync(holder.ExecutionArn, LatestEvents, cancellationToken);
            var entered = latest.FirstOrDefault(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal) && e.StateName is not null);
            (state, stateSince) = (entered?.StateName, entered?.Timestamp);
        }
        catch (BlueGreen.Aws.Errors.AwsNotFoundException)
        {
            // Older than Step Functions keeps (90 days): the lock is stale and the next deployment takes it over.
            status = "GONE";
        }

        return new InFlightDeployment(holder.ExecutionArn, holder.DeploymentId, holder.ImageId, holder.AcquiredAt, status, state, stateSince, holder.CleanupBy);
    }

    public static string StatusName(ExecutionStatus status) => Watching.DeploymentEnding.StatusText(status);

    /// <summary>The strategy as settings spell it (the enum's own JSON name).</summary>
    public static string Strategy(DeploymentStrategy strategy) => System.Text.Json.JsonSerializer.Serialize(strategy).Trim('"');
}
