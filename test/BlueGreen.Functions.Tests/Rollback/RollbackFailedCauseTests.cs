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

        var text = RollbackFailedCause.Build(state, new StepFailure("Transient", """{"errorType":"Transient","errorMessage":"AutoScaling throttled"}"""), "locks");

        var cause = JsonNode.Parse(text)!.AsObject();
        var message = cause["message"]!.GetValue<string>();
        Assert.False(cause["rolledBack"]!.GetValue<bool>());
        Assert.Equal(fleets.BlueGroup, cause["liveGroup"]!.GetValue<string>());
        Assert.Contains("green unhealthy", message);
        Assert.Contains("AutoScaling throttled", message);
        Assert.Contains(fleets.GreenGroup, message);
        Assert.Contains("table locks", message);
        Assert.Equal(4, cause["details"]!["manualSteps"]!.AsArray().Count);
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
