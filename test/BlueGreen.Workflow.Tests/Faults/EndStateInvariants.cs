using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Workflow.Tests.Faults.Strategies;
using BlueGreen.Workflow.Tests.Support;

namespace BlueGreen.Workflow.Tests.Faults;

/// <summary>
/// DESIGN §4's end-state invariants, checked after an execution ended. Every invariant is checked
/// and every violation reported, not just the first. Reads first; the last check scales the live
/// group out by one to see what its next instance launches.
/// </summary>
public sealed class EndStateInvariants(WorkflowCloud cloud, ICellStrategy strategy, CellApplication application)
{
    private readonly List<Violation> _violations = [];

    private string Application => application.Sample.Application;

    public async Task<IReadOnlyList<Violation>> CheckAsync(EndState end, DeploymentWrites writes, LaunchTemplateVersions versionsBefore)
    {
        CheckEndedWithDocumentedName(end);
        var live = await LiveGroupAsync(end, writes);
        if (live is not null)
        {
            // Instances a promotion's warning names as left by an unfinished retirement (decision 20)
            // are the ending's own account of them, not the live fleet's.
            var serving = live with { Instances = [.. live.Instances.Where(i => !end.Warnings.Any(w => w.Contains(i.InstanceId, StringComparison.Ordinal)))] };
            await Record(Invariants.LiveOnTrafficPath, () => strategy.TrafficPathProblemAsync(cloud, application, serving));
            CheckInService(live);
            await Record(Invariants.ServesOutcomeImage, () => ImageProblemAsync(serving, end));
        }

        await Record(Invariants.NothingLeftBehind, () => LeftoversAsync(live, end, writes, versionsBefore));
        await Record(Invariants.LockAsOutcomeSays, () => LockProblemAsync(end));
        if (live is not null)
        {
            await Record(end.Promoted ? Invariants.NextLaunchServesNewImage : Invariants.BlueUnchanged, () => NextLaunchProblemAsync(live, end));
        }

        return _violations;
    }

    private void CheckEndedWithDocumentedName(EndState end)
    {
        var fine = end.Promoted || (end.Status == "FAILED" && end.Error is not null && Invariants.DocumentedErrors.Contains(end.Error));
        if (!fine)
        {
            _violations.Add(new Violation(Invariants.EndedWithDocumentedName, $"{end.Status} {end.Error}".Trim()));
        }
    }

    /// <summary>The group tagged live when exactly one is; otherwise (after reporting it) the group
    /// the outcome names, so the other invariants are still checked. A deployment that ended before
    /// any write took effect (none in the journal but those an injected throttle or 5xx answered)
    /// may leave the adopted blue untagged: there was nothing to roll back, and tagging it would be
    /// a write (a refusal writes nothing, DESIGN §3).</summary>
    private async Task<AutoScalingGroup?> LiveGroupAsync(EndState end, DeploymentWrites writes)
    {
        var tagged = await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsByTagsAsync(
            new Dictionary<string, string> { ["bluegreen:application"] = Application, ["bluegreen:color"] = "blue" });
        if (tagged.Count == 1)
        {
            return tagged[0];
        }

        var adopted = (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([application.Sample.BlueGroup])).FirstOrDefault();
        if (tagged.Count == 0 && writes.Effective == 0 && adopted is not null)
        {
            return adopted;
        }

        // RollbackFailed stops with the tagging left to do by hand: its steps must say so.
        if (tagged.Count == 0 && end.Error == "RollbackFailed" && end.Cause?.Contains("bluegreen:color=blue", StringComparison.Ordinal) == true)
        {
            return (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([end.NamedLiveGroup ?? application.Sample.BlueGroup])).FirstOrDefault();
        }

        _violations.Add(new Violation(Invariants.OneGroupTaggedLive, tagged.Count == 0 ? "no group tagged live" : $"{tagged.Count} tagged live: {string.Join(", ", tagged.Select(g => g.Name))}"));
        var expected = end.NamedLiveGroup ?? application.Sample.BlueGroup;
        return (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([expected])).FirstOrDefault();
    }

    private void CheckInService(AutoScalingGroup live)
    {
        var inService = live.Instances.Count(i => i.LifecycleState == "InService");
        if (live.DesiredCapacity == 0 || inService != live.DesiredCapacity)
        {
            _violations.Add(new Violation(Invariants.LiveInstancesInService, $"{live.Name}: desired {live.DesiredCapacity}, InService {inService}"));
        }
    }

    private async Task<string?> ImageProblemAsync(AutoScalingGroup live, EndState end)
    {
        var expected = ExpectedImage(end);
        var instances = await cloud.Aws.Ec2.DescribeInstancesAsync([.. live.Instances.Select(i => i.InstanceId)]);
        var wrong = instances.Where(i => i.ImageId != expected && !(i.ImageId is { } image && NamedForHand(end, image))).Select(i => $"{i.InstanceId} on {Image(i.ImageId)}").ToList();
        return wrong.Count == 0 ? null : $"{live.Name} expected {Image(expected)}: {string.Join(", ", wrong)}";
    }

    private async Task<string?> LeftoversAsync(AutoScalingGroup? live, EndState end, DeploymentWrites writes, LaunchTemplateVersions before)
    {
        var left = new List<string>();
        var groups = await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync(writes.CreatedGroups);
        left.AddRange(groups.Where(g => g.Name != live?.Name).Select(g => $"group {g.Name}"));
        var liveTemplate = live?.LaunchTemplate ?? live?.MixedInstancesPolicy?.LaunchTemplate;
        var templates = await cloud.Aws.Ec2.DescribeLaunchTemplatesAsync(writes.CreatedLaunchTemplates);
        left.AddRange(templates.Where(t => t.Id != liveTemplate?.Id && t.Name != liveTemplate?.Name).Select(t => $"launch template {t.Name}"));
        var after = await LaunchTemplateVersions.ReadAsync(cloud, before.TemplateIds);
        foreach (var (template, version) in after.AddedSince(before))
        {
            // Only a promotion keeps a version: the one the live (green) group launches from.
            var keptByLive = end.Promoted && liveTemplate?.Id == template
                && (liveTemplate.Version == version.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    || (liveTemplate.Version is "$Latest" && version == after.Latest(template)));
            if (!keptByLive)
            {
                left.Add($"version {version} of {template}");
            }
        }

        left.RemoveAll(item => NamedForHand(end, item[(item.LastIndexOf(' ') + 1)..]));
        return left.Count == 0 ? null : string.Join(", ", left);
    }

    /// <summary>A RollbackFailed ending leaves what its manual steps name (DESIGN §3: the cause says
    /// what to do by hand); anything they do not name is still a violation.</summary>
    private static bool NamedForHand(EndState end, string thing) =>
        end.Error == "RollbackFailed" && end.Cause?.Contains(thing, StringComparison.Ordinal) == true;

    /// <summary>Free, except after RollbackFailed (kept on purpose) and after a promotion that says
    /// in a warning it could not release it: the holder has then ended, so the next deployment takes
    /// it over (decision 20).</summary>
    private async Task<string?> LockProblemAsync(EndState end)
    {
        var holder = await cloud.LockHolderAsync(Application);
        var leftByPromotion = end.Promoted && holder == end.ExecutionArn && end.Warnings.Any(w => w.Contains("lock", StringComparison.Ordinal));
        return (end.Error == "RollbackFailed", holder) switch
        {
            (true, null) => "RollbackFailed but the lock was released",
            (false, { } held) when !leftByPromotion => $"lock still held by {held[(held.LastIndexOf(':') + 1)..]}",
            _ => null,
        };
    }

    /// <summary>Scales the live group out by one and reads the new instance's AMI.</summary>
    private async Task<string?> NextLaunchProblemAsync(AutoScalingGroup live, EndState end)
    {
        var known = live.Instances.Select(i => i.InstanceId).ToHashSet();
        if (live.MaxSize < live.DesiredCapacity + 1)
        {
            await cloud.Aws.AutoScaling.UpdateAutoScalingGroupAsync(new AutoScalingGroupUpdate(live.Name) { MaxSize = live.DesiredCapacity + 1 });
        }

        await cloud.Aws.AutoScaling.SetDesiredCapacityAsync(live.Name, live.DesiredCapacity + 1);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var group = (await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([live.Name])).Single();
            if (group.Instances.FirstOrDefault(i => !known.Contains(i.InstanceId)) is { } added)
            {
                var image = (await cloud.Aws.Ec2.DescribeInstancesAsync([added.InstanceId])).Single().ImageId;
                var expected = ExpectedImage(end);
                return image == expected ? null : $"{live.Name} scaled out launched {Image(image)}, expected {Image(expected)}";
            }

            await Task.Delay(100);
        }

        return $"{live.Name} launched no instance when scaled out";
    }

    private string ExpectedImage(EndState end) => end.Promoted ? application.Sample.NewImageId : application.Sample.OldImageId;

    private string Image(string? imageId) =>
        imageId == application.Sample.NewImageId ? "the new AMI" : imageId == application.Sample.OldImageId ? "the old AMI" : imageId ?? "no AMI";

    private async Task Record(string invariant, Func<Task<string?>> check)
    {
        try
        {
            if (await check() is { } seen)
            {
                _violations.Add(new Violation(invariant, seen));
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _violations.Add(new Violation(invariant, $"could not check: {exception.GetType().Name}: {exception.Message}"));
        }
    }
}
