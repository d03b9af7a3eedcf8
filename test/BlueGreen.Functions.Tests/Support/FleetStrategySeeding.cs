using System.Text.Json.Serialization.Metadata;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Hosting;
using BlueGreen.Local.Sample;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>The sample with in-group settings, or with the pair option and its idle second group;
/// the state as NormalizeRequest and the real DescribeLive leave it; each state's handler by name.</summary>
public static class FleetStrategySeeding
{
    public static async Task<(SampleApplication Sample, WorkflowState State)> InGroupAsync(FunctionsCloud cloud, int drainSeconds = 0)
    {
        var sample = await cloud.SeedSampleAsync(settingsJson: (blue, targetGroup, _, _) => $$"""
            { "liveGroup": "{{blue}}", "strategy": "in-group", "targetGroupArns": ["{{targetGroup}}"],
              "health": { "timeoutSeconds": 60 },
              "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": {{drainSeconds}} } }
            """);
        return (sample, await DescribedAsync(cloud, sample));
    }

    /// <summary>The sample's blue group and an idle second group (own template version 1, min 0 / desired 0), named as a pair.</summary>
    public static async Task<(SampleApplication Sample, string Idle, WorkflowState State)> PairAsync(FunctionsCloud cloud, string action = "terminate", int idleDesired = 0)
    {
        var sample = await cloud.SeedSampleAsync(settingsJson: (blue, targetGroup, _, _) => $$"""
            { "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"], "pair": { "groups": ["{{blue}}", "{{blue}}-idle"] },
              "blueAfterCutover": { "action": "{{action}}", "waitSeconds": 0, "drainSeconds": 0 } }
            """);
        var idle = $"{sample.BlueGroup}-idle";
        var template = await cloud.Aws.Ec2.CreateLaunchTemplateAsync($"{idle}-web", new LaunchTemplateData { ImageId = sample.OldImageId, InstanceType = "t3.micro" });
        await cloud.Aws.AutoScaling.CreateAutoScalingGroupAsync(new NewAutoScalingGroup(idle, 0, 4)
        {
            LaunchTemplate = new LaunchTemplateReference(template.Id, Version: "1"),
            DesiredCapacity = idleDesired,
            SubnetIds = sample.SubnetIds,
        });
        return (sample, idle, idleDesired == 0 ? await DescribedAsync(cloud, sample) : new WorkflowState { Deployment = await NormalizeAsync(cloud, sample) });
    }

    public static Task<T> RunAsync<T>(FunctionsCloud cloud, string state, WorkflowState input, JsonTypeInfo<T> output) =>
        HandlerCalls.InvokeAsync((JsonFunction<WorkflowState, T>)Handler(cloud.Services, state), input, output);

    private static object Handler(FunctionServices services, string state) => state switch
    {
        nameof(ProvisionGreen) => new ProvisionGreen(services),
        nameof(CheckGreenInService) => new CheckGreenInService(services),
        nameof(CheckGreenHealth) => new CheckGreenHealth(services),
        nameof(ShiftTraffic) => new ShiftTraffic(services),
        nameof(PromoteGreen) => new PromoteGreen(services),
        nameof(RetireBlue) => new RetireBlue(services),
        nameof(RollBack) => new RollBack(services),
        nameof(DescribeLive) => new DescribeLive(services),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "no such state"),
    };

    private static Task<Deployment> NormalizeAsync(FunctionsCloud cloud, SampleApplication sample) =>
        WorkflowStates.NormalizeAsync(cloud, sample, $"exec-{Guid.NewGuid():N}");

    private static async Task<WorkflowState> DescribedAsync(FunctionsCloud cloud, SampleApplication sample)
    {
        var state = new WorkflowState { Deployment = await NormalizeAsync(cloud, sample) };
        return state with { Live = await RunAsync(cloud, nameof(DescribeLive), state, FunctionJsonContext.Default.LiveFleet) };
    }
}
