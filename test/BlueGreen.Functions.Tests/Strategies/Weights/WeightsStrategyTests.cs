using BlueGreen.Core.Errors;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Handlers;
using BlueGreen.Functions.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Functions.Tests.Strategies.Weights;

/// <summary>What weighted and dns share (<c>WeightsStrategy</c>); each one's own behaviour is in
/// WeightedStrategyTests and DnsStrategyTests, the rollback in WeightRestoreTests.</summary>
[Collection(FunctionsCloudCollection.Name)]
public sealed class WeightsStrategyTests(FunctionsCloud cloud)
{
    private readonly FakeTimeProvider _clock = new(TrafficTime.Start);

    [Theory]
    [InlineData(DeploymentStrategy.Weighted, "weighted")]
    [InlineData(DeploymentStrategy.Dns, "dns")]
    public async Task HandleAsync_WeightsStrategyWithoutItsSection_InvalidRequestBeforeAnyWrite(DeploymentStrategy strategy, string name)
    {
        var (_, state) = await TrafficFleets.SeedAsync(cloud);
        var before = cloud.Cloud.Calls.Snapshot().Mutating;

        var error = await Assert.ThrowsAsync<InvalidRequest>(() =>
            ShiftAsync(state with { Deployment = state.Deployment with { Strategy = strategy } }));

        Assert.Contains($"is required by the {name} strategy", error.Message);
        Assert.Equal(before, cloud.Cloud.Calls.Snapshot().Mutating);
    }

    private Task<TrafficShift> ShiftAsync(WorkflowState state) => _clock.ShiftAsync(cloud, state);
}
