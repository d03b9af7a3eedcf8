using BlueGreen.Core.Errors;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Promotion;

[Collection(FunctionsCloudCollection.Name)]
public sealed class RetireBlueTests(FunctionsCloud cloud)
{
    private readonly RetireBlue _handler = new(cloud.Services);

    [Fact]
    public async Task HandleAsync_TerminateTwice_BlueDeletedThenAlreadyDeletedAndItsTemplateKept()
    {
        var (sample, state) = await PromotedAsync(BlueAction.Terminate);

        var first = await RetireAsync(state);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;
        var second = await RetireAsync(state);

        Assert.Equal(("deleted", "already deleted"), (first.Outcome, second.Outcome));
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
        Assert.Null(await TrafficFleets.FindGroupAsync(cloud, sample.BlueGroup));
        Assert.NotNull(await TrafficFleets.FindGroupAsync(cloud, state.Green!.GroupName));
        Assert.NotEmpty(await cloud.Aws.Ec2.DescribeLaunchTemplateVersionsAsync(new(sample.LaunchTemplateId), ["$Latest"]));
    }

    [Fact]
    public async Task HandleAsync_ScaleToZeroTwice_GroupKeptAtZeroWithItsMaximum()
    {
        var (sample, state) = await PromotedAsync(BlueAction.ScaleToZero);

        var first = await RetireAsync(state);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;
        var second = await RetireAsync(state);

        Assert.Equal(("scaled to zero", "already at zero"), (first.Outcome, second.Outcome));
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
        var blue = (await TrafficFleets.FindGroupAsync(cloud, sample.BlueGroup))!;
        Assert.Equal((0, 0, state.Live!.MaxSize), (blue.MinSize, blue.DesiredCapacity, blue.MaxSize));
    }

    [Fact]
    public async Task HandleAsync_KeepTwice_BlueLeftAsItWas()
    {
        var (sample, state) = await PromotedAsync(BlueAction.Keep);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var first = await RetireAsync(state);
        var second = await RetireAsync(state);

        Assert.Equal(("kept", "kept"), (first.Outcome, second.Outcome));
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
        var blue = (await TrafficFleets.FindGroupAsync(cloud, sample.BlueGroup))!;
        Assert.Equal(state.Live!.DesiredCapacity, blue.DesiredCapacity);
    }

    [Fact]
    public async Task HandleAsync_BlueNotRetiredByThisDeployment_RefusesAndLeavesItServing()
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);

        var error = await Assert.ThrowsAsync<UnexpectedError>(() => RetireAsync(state));

        Assert.Contains("InvalidOperationException", error.Message);
        Assert.Contains("bluegreen:retired-by", error.Message);
        Assert.NotNull(await TrafficFleets.FindGroupAsync(cloud, sample.BlueGroup));
    }

    private async Task<(Local.Sample.SampleApplication Sample, WorkflowState State)> PromotedAsync(BlueAction action)
    {
        var (sample, state) = await TrafficFleets.SeedAsync(cloud);
        state = state.WithSettings(s => s with { BlueAfterCutover = s.BlueAfterCutover with { Action = action } });
        await HandlerCalls.InvokeAsync(new PromoteGreen(cloud.Services), state, FunctionJsonContext.Default.Promoted);
        return (sample, state);
    }

    private Task<BlueRetirement> RetireAsync(WorkflowState state) =>
        HandlerCalls.InvokeAsync(_handler, state, FunctionJsonContext.Default.BlueRetirement);
}
