using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Functions.Tests.Support;

/// <summary>ShiftTraffic called as the state machine calls it, on the test's clock.</summary>
public static class TrafficShifts
{
    public static Task<TrafficShift> ShiftAsync(this FakeTimeProvider clock, FunctionsCloud cloud, WorkflowState state) =>
        HandlerCalls.InvokeAsync(new ShiftTraffic(clock.Services(cloud)), state, FunctionJsonContext.Default.TrafficShift);

    /// <summary>Runs one call, then its retry with the same input: same phase, step and detachment, no second write.</summary>
    public static async Task<TrafficShift> ShiftTwiceAsync(this FakeTimeProvider clock, FunctionsCloud cloud, WorkflowState state)
    {
        var first = await clock.ShiftAsync(cloud, state);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;
        var second = await clock.ShiftAsync(cloud, state);

        Assert.Equal((first.Phase, first.StepIndex, first.Done, first.BlueDetached), (second.Phase, second.StepIndex, second.Done, second.BlueDetached));
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
        return second;
    }
}
