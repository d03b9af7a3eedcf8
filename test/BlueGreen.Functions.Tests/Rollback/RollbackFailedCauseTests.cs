using System.Text.Json.Nodes;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Rollback;
using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Rollback;

[Collection(FunctionsCloudCollection.Name)]
public sealed class RollbackFailedCauseTests(FunctionsCloud cloud)
{
    [Fact]
    public async Task Build_RollbackKeptFailing_NamesBothErrorsAndEveryStepLeft()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud);
        var state = fleets.State with { Failure = new StepFailure("GreenUnhealthy", """{"errorType":"GreenUnhealthy","errorMessage":"green unhealthy"}""") };

        var text = RollbackFailedCause.Build(state, new StepFailure("Transient", """{"errorType":"Transient","errorMessage":"AutoScaling throttled"}"""), new ObservedFleets(2, 2), "locks");

        var cause = JsonNode.Parse(text)!.AsObject();
        var message = cause["message"]!.GetValue<string>();
        Assert.False(cause["rolledBack"]!.GetValue<bool>());
        Assert.Equal(fleets.BlueGroup, cause["liveGroup"]!.GetValue<string>());
        Assert.Contains("green unhealthy", message);
        Assert.Contains("AutoScaling throttled", message);
        Assert.Contains(fleets.GreenGroup, message);
        Assert.Contains("table locks", message);
        Assert.Equal(4, cause["details"]!["manualSteps"]!.AsArray().Count);
        Assert.Contains($"delete Auto Scaling group {fleets.GreenGroup}", message);
    }

    [Fact]
    public async Task Build_OnlyGreenHasInstances_SaysToKeepGreenAndNeverToDeleteIt()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud);
        var state = fleets.State with { Failure = new StepFailure("AlarmFired", "alarm after cutover") };

        var text = RollbackFailedCause.Build(state, new StepFailure("Transient", "throttled"), new ObservedFleets(0, 2), "locks");

        var steps = JsonNode.Parse(text)!["details"]!["manualSteps"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.StartsWith($"Keep Auto Scaling group {fleets.GreenGroup}", steps[0]);
        Assert.DoesNotContain(steps, s => s.Contains("delete Auto Scaling group", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(steps, s => s.Contains("table locks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_FleetsCouldNotBeRead_RemovingGreenWaitsForBlueToServe()
    {
        var fleets = await RollbackSeeding.ArrangeAsync(cloud);
        var state = fleets.State with { Failure = new StepFailure("GreenUnhealthy", "unhealthy") };

        var text = RollbackFailedCause.Build(state, new StepFailure("Transient", "throttled"), ObservedFleets.Unknown);

        var removal = JsonNode.Parse(text)!["details"]!["manualSteps"]!.AsArray().Select(s => s!.GetValue<string>()).Single(s => s.Contains("force delete", StringComparison.Ordinal));
        Assert.StartsWith($"Once {fleets.BlueGroup} has InService instances", removal);
        Assert.Contains($"keep {fleets.GreenGroup}", removal);
    }

    [Theory]
    [InlineData("""{"errorType":"X","errorMessage":"in words"}""", "in words")]
    [InlineData("plain text from States.Timeout", "plain text from States.Timeout")]
    [InlineData("{not json", "{not json")]
    [InlineData(null, "The deployment failed with X.")]
    public void OriginalFailure_AnyCauseShape_MessageInWords(string? cause, string expected)
    {
        Assert.Equal(expected, OriginalFailure.From(new StepFailure("X", cause)).Message);
    }
}
