using BlueGreen.Local.Calls;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Local;
using BlueGreen.Local.Sample;

namespace BlueGreen.Workflow.Tests.Support;

/// <summary>
/// Seeding and reading for weighted and dns deployments: the sample switched to the strategy, the
/// weights each deployment wrote (from the gateway's journal), and a watched alarm fired as soon as
/// a given weight is written.
/// </summary>
internal static class SplitRuns
{
    public const string AllAtOnce = """{ "type": "AllAtOnce" }""";
    public const string Canary = """{ "type": "Canary", "percent": 10, "intervalSeconds": 2 }""";
    public const string Linear = """{ "type": "Linear", "percent": 50, "intervalSeconds": 1 }""";

    /// <summary>Each plan above with green's weight after each of its steps: the cases every split strategy runs.</summary>
    public static TheoryData<string, int[]> Plans => new()
    {
        { AllAtOnce, [100] },
        { Canary, [10, 100] },
        { Linear, [50, 100] },
    };

    /// <summary>A canary whose 10 % step lasts an hour on the handlers' clock (36 s at × 0.01): time
    /// for a test to fire an alarm at 10 % on a busy machine; the alarm ends it.</summary>
    public const string WatchedCanary = """{ "type": "Canary", "percent": 10, "intervalSeconds": 3600 }""";

    public static string Settings(string blue, string strategy, string section, string traffic, string alarm = "", int blueWaitSeconds = 0, int healthTimeoutSeconds = 60) => $$"""
        { "liveGroup": "{{blue}}", "strategy": "{{strategy}}", "{{strategy}}": {{section}},
          "traffic": {{traffic}},
          "health": { "minHealthyPercent": 100, "timeoutSeconds": {{healthTimeoutSeconds}}, "alarmNames": [{{(alarm.Length == 0 ? "" : $"\"{alarm}\"")}}], "bakeSeconds": 0 },
          "blueAfterCutover": { "action": "terminate", "waitSeconds": {{blueWaitSeconds}}, "drainSeconds": 1 } }
        """;

    public static Task<SampleApplication> SeedWeightedAsync(this WorkflowCloud cloud, string traffic, string alarm = "", int blueWaitSeconds = 0) =>
        cloud.SeedSampleAsync((blue, targetGroup, spare, listener) => Settings(blue, "weighted",
            $$"""{ "listenerArn": "{{listener}}", "ruleArn": null, "targetGroupArns": ["{{targetGroup}}", "{{spare}}"] }""", traffic, alarm, blueWaitSeconds));

    /// <summary>The sample with a second ALB, a zone and CNAME records of TTL 1 s (short: blue's
    /// drain waits the TTL in real time), settings switched to dns.</summary>
    public static async Task<DnsSample> SeedDnsAsync(this WorkflowCloud cloud, string traffic, string alarm = "")
    {
        var sample = await cloud.SeedSampleAsync();
        var dns = await DnsSample.SeedAsync(cloud.Aws, sample, cnameTtlSeconds: 1);
        await cloud.Aws.Parameters.PutParameterAsync(sample.SettingsParameter, Settings(sample.BlueGroup, "dns", dns.SettingsSection, traffic, alarm));
        return dns;
    }

    /// <summary>Each weight write on the listener (ModifyListener), in order: (function, blue's group weight, spare's).</summary>
    public static List<(string? Function, int Live, int Spare)> ListenerWrites(this WorkflowCloud cloud, SampleApplication sample, int from = 0) =>
        cloud.Cloud.Calls.Writes().Skip(from)
            .Where(w => w.Operation == "ModifyListener" && w.Body.Contains(Uri.EscapeDataString(sample.ListenerArn), StringComparison.Ordinal))
            .Select(w => (w.Function, TrafficWrites.Weights(w)))
            .Select(w => (w.Function, w.Item2.GetValueOrDefault(sample.TargetGroupArn), w.Item2.GetValueOrDefault(sample.SpareTargetGroupArn)))
            .ToList();

    /// <summary>Each ChangeResourceRecordSets on the sample's zone, in order: (function, color a's weight, color b's).</summary>
    public static List<(string? Function, int A, int B)> RecordWrites(this WorkflowCloud cloud, DnsSample dns, int from = 0) =>
        cloud.Cloud.Calls.Writes().Skip(from)
            .Where(w => w.Operation == "ChangeResourceRecordSets" && w.Path.Contains(dns.HostedZoneId, StringComparison.Ordinal))
            .Select(w => (w.Function, TrafficWrites.Weights(w)))
            .Where(w => w.Item2.Count > 0)
            .Select(w => (w.Function, w.Item2.GetValueOrDefault(DnsSample.LiveColor), w.Item2.GetValueOrDefault(DnsSample.IdleColor)))
            .ToList();

    /// <summary>A CloudWatch alarm in OK, to list in health.alarmNames.</summary>
    /// <summary>Starts a deployment, sets <paramref name="alarm"/> to ALARM once <paramref name="writtenYet"/>
    /// sees the awaited weights in the journal, and waits for the end. Returns the result and when the alarm fired.</summary>
    public static async Task<(ExecutionResult Result, DateTimeOffset FiredAt)> RunFiringAlarmAsync(
        this WorkflowCloud cloud, string input, string alarm, Func<bool> writtenYet)
    {
        var arn = await cloud.Cloud.StartExecutionAsync(cloud.Cloud.StateMachineArn(WorkflowCloud.StateMachine), input);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (!writtenYet())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the awaited weight was never written");
            await Task.Delay(20);
        }

        var firedAt = DateTimeOffset.UtcNow;
        await cloud.Aws.CloudWatch.SetAlarmStateAsync(alarm, AlarmState.Alarm, "Threshold Crossed: 12 5XX (test)");
        return (await cloud.Cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(3)), firedAt);
    }

    /// <summary>After success: exactly one group tagged live, serving every instance from <paramref name="targetGroupArn"/>, lock free.</summary>
    public static async Task<string> AssertLiveOnAsync(this WorkflowCloud cloud, string application, string targetGroupArn)
    {
        var live = Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsByTagsAsync(
            new Dictionary<string, string> { ["bluegreen:application"] = application, ["bluegreen:color"] = "blue" }));
        Assert.Equal([targetGroupArn], live.TargetGroupArns);
        var healthy = (await cloud.Aws.LoadBalancing.DescribeTargetHealthAsync(targetGroupArn)).Where(t => t.State == "healthy").Select(t => t.TargetId).ToHashSet();
        Assert.Equal(live.Instances.Select(i => i.InstanceId).ToHashSet(), healthy);
        await cloud.AssertLockFreeAsync(application);
        return live.Name;
    }
}
