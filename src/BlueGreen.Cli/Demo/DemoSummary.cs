using System.Text.Json.Nodes;
using BlueGreen.Aws;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Functions.Metrics;
using BlueGreen.Local.Calls;
using BlueGreen.Local.Sample;

namespace BlueGreen.Cli.Demo;

/// <summary>The demo's last word: what happened, what is live, what it took.</summary>
internal sealed class DemoSummary(TextWriter output, AwsClients aws, CallCounts calls, IReadOnlyList<RecordedWrite> writes)
{
    public async Task PrintAsync(SampleApplication sample, Execution execution, IReadOnlyList<HistoryEvent> history, TimeSpan wallTime, CancellationToken cancellationToken)
    {
        output.WriteLine();
        output.WriteLine($"Outcome: {execution.Status}{(execution.Error is null ? "" : $" with {execution.Error}")}");
        if (execution.Cause is { } cause && Parse(cause) is JsonObject failure)
        {
            output.WriteLine($"  {failure["message"]}");
            output.WriteLine($"  rolled back: {failure["rolledBack"]}, live group: {failure["liveGroup"]}");
            if (FailingCheck.At(history) is { } failedAt && TrafficWrites.RestoredAfter(failedAt, writes) is { } restored)
            {
                output.WriteLine($"  traffic back on blue {restored.TotalSeconds:F2} s after the failing check ({FailedState(history, failedAt)})");
            }
        }

        var result = execution.Output is null ? null : Parse(execution.Output);
        foreach (var group in await aws.AutoScaling.DescribeAutoScalingGroupsByTagsAsync(
            new Dictionary<string, string> { ["bluegreen:application"] = sample.Application }, cancellationToken))
        {
            var color = group.Tags.FirstOrDefault(t => t.Key == "bluegreen:color")?.Value ?? "untagged";
            var images = group.Instances.Count == 0 ? [] : (await aws.Ec2.DescribeInstancesAsync([.. group.Instances.Select(i => i.InstanceId)], cancellationToken))
                .Select(i => i.ImageId).Distinct();
            output.WriteLine($"Group {group.Name}: color {color}, {group.Instances.Count(i => i.LifecycleState == "InService")}/{group.DesiredCapacity} InService on {string.Join(", ", images)}, target groups {group.TargetGroupArns.Count}");
        }

        if (result?["retiredGroup"] is { } retired)
        {
            output.WriteLine($"Retired: {retired}");
        }

        var weightWrites = writes.Where(TrafficWrites.IsWeightWrite).ToList();
        if (weightWrites.Count > 0)
        {
            output.WriteLine("Weights written, in order:");
            foreach (var write in weightWrites)
            {
                var weights = TrafficWrites.Weights(write).Select(w => $"{Short(w.Key)} {w.Value}");
                output.WriteLine($"  {write.Function?.Replace("Function", "", StringComparison.Ordinal),-14} {string.Join(" / ", weights)}");
            }
        }

        output.WriteLine("Time per step:");
        foreach (var (name, seconds) in StepTimes(history))
        {
            output.WriteLine($"  {name,-30} {seconds,7:F2} s");
        }

        var transitions = history.Count(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal));
        output.WriteLine($"AWS calls: {calls.Total} ({calls.Mutating} mutating, {calls.ReadOnly} read-only, {calls.Announcements} announcements); state transitions: {transitions}; wall time {wallTime.TotalSeconds:F1} s");
        foreach (var (service, operations) in calls.Services.OrderByDescending(s => s.Value.Values.Sum()))
        {
            output.WriteLine($"  {service,-22} {operations.Values.Sum(),4}  ({string.Join(", ", operations.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}"))})");
        }
    }

    /// <summary>The state that failed at <paramref name="failedAt"/> (<see cref="FailingCheck.At"/>, the
    /// same moment the TrafficRestoreTime metric starts from): the last one entered by then, RollBack aside
    /// (a Catch enters it in the same millisecond).</summary>
    private static string? FailedState(IReadOnlyList<HistoryEvent> history, DateTimeOffset failedAt) =>
        history.LastOrDefault(e => e.Timestamp <= failedAt && e.StateName != "RollBack" && e.Type.EndsWith("StateEntered", StringComparison.Ordinal))?.StateName;

    /// <summary>Time spent in each state (summed over loop iterations), in the order first entered.</summary>
    private static IEnumerable<(string Name, double Seconds)> StepTimes(IReadOnlyList<HistoryEvent> history)
    {
        var totals = new Dictionary<string, double>();
        var order = new List<string>();
        DateTimeOffset? entered = null;
        foreach (var item in history)
        {
            if (item.Type.EndsWith("StateEntered", StringComparison.Ordinal))
            {
                entered = item.Timestamp;
                if (item.StateName is { } name && !totals.ContainsKey(name))
                {
                    totals[name] = 0;
                    order.Add(name);
                }
            }
            else if (item.Type.EndsWith("StateExited", StringComparison.Ordinal) && item.StateName is { } name && entered is { } start && item.Timestamp is { } end)
            {
                totals[name] = totals.GetValueOrDefault(name) + (end - start).TotalSeconds;
            }
        }

        return order.Select(name => (name, totals[name]));
    }

    /// <summary>A target group ARN's name part, or a record's set identifier as it is.</summary>
    private static string Short(string member) =>
        member.Contains(":targetgroup/", StringComparison.Ordinal) ? member.Split('/')[1] : member;

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
