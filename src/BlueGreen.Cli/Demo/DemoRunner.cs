using System.Diagnostics;
using System.Text.Json.Nodes;
using BlueGreen.Aws;
using BlueGreen.Aws.Events;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Local;
using BlueGreen.Local.Sample;

namespace BlueGreen.Cli.Demo;

/// <summary>
/// `bluegreen demo`: a local cloud, a seeded application, one deployment started by the AMI event
/// (or the scenario's variant), every state as it happens, and a summary of what is live now.
/// </summary>
internal sealed class DemoRunner(TextWriter output, TimeProvider time)
{
    private const string StateMachine = "BlueGreenDeployment";

    public async Task<int> RunAsync(DemoOptions demo, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var scenario = demo.Scenario;
        output.WriteLine($"BlueGreen demo — {scenario.Name}: {scenario.Description}. Strategy {demo.Strategy}, traffic {demo.Traffic}, {demo.Instances} instance(s).");
        // The seeded AMIs must not announce themselves while blue and the settings are still being made:
        // the demo announces the new AMI once everything is in place, and the template's rule takes it from there.
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { Port = demo.Port, TimeScale = demo.TimeScale, AmiStateEvents = false }, cancellationToken);
        using var aws = new AwsClients(cloud.ClientSettings);
        output.WriteLine($"Local cloud at {cloud.Endpoint} (moto behind the gateway), state machine {StateMachine}, time × {demo.TimeScale}.");

        var sample = await SampleApplication.SeedAsync(aws, DemoSettings.For(demo), cancellationToken);
        await sample.AddAlarmAsync(aws.CloudWatch, DemoSettings.AlarmName(sample.Application), cancellationToken);
        if (demo.Strategy == "dns")
        {
            var dns = await DnsSample.SeedAsync(aws, sample, cnameTtlSeconds: 60, cancellationToken);
            await aws.Parameters.PutParameterAsync(sample.SettingsParameter, DemoSettings.ForDns(demo, dns), cancellationToken: cancellationToken);
            output.WriteLine($"Seeded Route 53: {dns.RecordName} weighted CNAMEs {DnsSample.LiveColor} (blue's ALB, 100) and {DnsSample.IdleColor} (a second ALB, 0).");
        }

        if (scenario == DemoScenario.CodeDeployFails)
        {
            await sample.AddCodeDeployAsync(aws.CodeDeploy, DemoSettings.CodeDeployGroup, cancellationToken: cancellationToken);
        }

        output.WriteLine($"Seeded {sample.Application}: blue group {sample.BlueGroup} on {sample.OldImageId} behind {Short(sample.TargetGroupArn)}; new AMI {sample.NewImageId} tagged bluegreen:application={sample.Application}.");
        ApplyFaults(cloud, scenario, sample);
        cloud.Calls.Reset();
        using var stopAlarm = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var alarm = scenario == DemoScenario.Alarm ? TrafficAlarm.FireOnceTrafficMovesAsync(cloud, demo.Strategy, DemoSettings.AlarmName(sample.Application), output, time, stopAlarm.Token) : Task.CompletedTask;

        var stateMachineArn = cloud.StateMachineArn(StateMachine);
        // The demo watches moto directly so the gateway's counter holds only the deployment's own calls.
        using var watching = new AwsClients(cloud.ClientSettings with { Endpoint = cloud.MotoEndpoint });
        var watcher = new DemoWatch(watching, output, time);
        Execution execution;
        IReadOnlyList<Aws.StepFunctions.HistoryEvent> history;
        if (scenario == DemoScenario.Locked)
        {
            (execution, history) = await RunLockedAsync(watching.StepFunctions, watcher, stateMachineArn, sample, cancellationToken);
        }
        else
        {
            var arn = scenario == DemoScenario.BadInput
                ? await aws.StepFunctions.StartExecutionAsync(stateMachineArn, $"demo-{Guid.NewGuid():N}"[..20], BadInput, cancellationToken)
                : await AnnounceAsync(aws, stateMachineArn, sample.NewImageId, cancellationToken);
            (execution, history) = await watcher.WatchAsync(arn, "", cancellationToken);
        }

        await stopAlarm.CancelAsync();
        await alarm;
        await new DemoSummary(output, aws, cloud.Calls.Snapshot(), cloud.Calls.Writes()).PrintAsync(sample, execution, history, clock.Elapsed, cancellationToken);
        var expected = scenario.IsExpected(execution.Status.ToString().ToUpperInvariant(), execution.Error);
        output.WriteLine(expected
            ? $"As expected for scenario {scenario.Name}."
            : $"UNEXPECTED for scenario {scenario.Name}: wanted {scenario.ExpectedStatus} {scenario.ExpectedError}, got {execution.Status} {execution.Error}.");
        return expected ? 0 : 1;
    }

    /// <summary>Starts a deployment that keeps blue around after cutover, then a second one while the
    /// first still holds the lock; shows the second refused, then lets the first finish.</summary>
    private async Task<(Execution, IReadOnlyList<Aws.StepFunctions.HistoryEvent>)> RunLockedAsync(
        IStepFunctions stepFunctions, DemoWatch watcher, string stateMachineArn, SampleApplication sample, CancellationToken cancellationToken)
    {
        var first = await stepFunctions.StartExecutionAsync(stateMachineArn, $"demo-first-{Guid.NewGuid():N}"[..24], AmiEvent(sample.NewImageId), cancellationToken);
        output.WriteLine($"First deployment started: {first}");
        while (!(await stepFunctions.GetExecutionHistoryAsync(first, cancellationToken)).Any(e => e.StateName == "WaitBeforeRetiringBlue"))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
        }

        output.WriteLine("First deployment is waiting before retiring blue; starting a second one for the same application from the console:");
        var second = await stepFunctions.StartExecutionAsync(stateMachineArn, $"demo-second-{Guid.NewGuid():N}"[..25], ConsoleRequest(sample), cancellationToken);
        var refused = await watcher.WatchAsync(second, "[second] ", cancellationToken);
        output.WriteLine("The first deployment carries on:");
        await watcher.WatchAsync(first, "[first]  ", cancellationToken);
        return refused;
    }

    private static void ApplyFaults(LocalCloud cloud, DemoScenario scenario, SampleApplication sample)
    {
        if (scenario == DemoScenario.UnhealthyGreen)
        {
            cloud.Faults.MarkImageUnhealthy(sample.NewImageId);
        }
        else if (scenario == DemoScenario.CodeDeployFails)
        {
            cloud.Faults.FailNextCodeDeployDeployment("3 of 3 instances failed the ValidateService hook (injected by the demo)");
        }
    }

    private const string BadInput = """{ "application": "Shop", "imageId": "ami-1", "traffic": { "type": "Canary", "percent": 101 } }""";

    private static string ConsoleRequest(SampleApplication sample) => new JsonObject
    {
        ["application"] = sample.Application,
        ["imageId"] = sample.NewImageId,
        ["reason"] = "a second deployment while the first holds the lock",
    }.ToJsonString();

    /// <summary>The event path: EC2's <c>EC2 AMI State Change</c> for the new AMI on the default bus;
    /// the template's AMI rule starts the deployment, whose execution this returns.</summary>
    private async Task<string> AnnounceAsync(AwsClients aws, string stateMachineArn, string imageId, CancellationToken cancellationToken)
    {
        var before = (await aws.StepFunctions.ListExecutionsAsync(stateMachineArn, 100, cancellationToken)).Select(e => e.Arn).ToHashSet();
        var detail = new JsonObject { ["RequestId"] = Guid.NewGuid().ToString(), ["ImageId"] = imageId, ["State"] = "available", ["ErrorMessage"] = "" };
        await aws.Events.PutEventsAsync(
            [new BusEvent("aws.ec2", "EC2 AMI State Change", detail.ToJsonString(), [$"arn:aws:ec2:{LocalCloudOptions.DefaultRegion}::image/{imageId}"])],
            cancellationToken);
        output.WriteLine($"Put EC2 AMI State Change ({imageId} available) on the default event bus.");
        var deadline = time.GetUtcNow().AddSeconds(30);
        while (time.GetUtcNow() < deadline)
        {
            var started = (await aws.StepFunctions.ListExecutionsAsync(stateMachineArn, 100, cancellationToken)).FirstOrDefault(e => !before.Contains(e.Arn));
            if (started is not null)
            {
                output.WriteLine($"The template's AMI rule started execution {started.Arn}.");
                return started.Arn;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }

        throw new TimeoutException($"No EventBridge rule started a deployment for {imageId} within 30 s: is the state machine's AmiAvailable event in serverless.template?");
    }

    /// <summary>What EventBridge delivers when the image pipeline's AMI becomes available.</summary>
    private static string AmiEvent(string imageId) => new JsonObject
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = "EC2 AMI State Change",
        ["source"] = "aws.ec2",
        ["account"] = LocalCloudOptions.AccountId,
        ["region"] = LocalCloudOptions.DefaultRegion,
        ["resources"] = new JsonArray($"arn:aws:ec2:{LocalCloudOptions.DefaultRegion}::image/{imageId}"),
        ["detail"] = new JsonObject { ["ImageId"] = imageId, ["State"] = "available", ["ErrorMessage"] = "" },
    }.ToJsonString();

    private static string Short(string arn) => arn[(arn.IndexOf('/') + 1)..];
}
