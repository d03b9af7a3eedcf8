using System.Text.Json;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Serialization;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Core.Tests.Outputs;

public sealed class OutputContractsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Serialize_Outcome_HasTheDesignsKeys()
    {
        var outcome = new DeploymentOutcome("abcdefgh2345", "shop", "ami-12345678", "shop-abcdefgh2345", "shop-blue", DeploymentStrategy.InGroup,
            [StepTiming.Between("ProvisionGreen", Start, Start.AddMilliseconds(12_345))]);

        var json = JsonSerializer.Serialize(outcome, CoreJsonContext.Default.DeploymentOutcome);

        Assert.Equal(
            """{"deploymentId":"abcdefgh2345","application":"shop","imageId":"ami-12345678","liveGroup":"shop-abcdefgh2345","retiredGroup":"shop-blue","strategy":"in-group","steps":[{"name":"ProvisionGreen","startedAt":"2026-11-27T10:00:00+00:00","endedAt":"2026-11-27T10:00:12.345+00:00","seconds":12.345}],"outcome":"Promoted"}""",
            json);
    }

    [Fact]
    public void Serialize_FailureCause_AlwaysWritesAllFourKeys()
    {
        var cause = FailureCause.From(new GreenUnhealthy("green never became healthy"), rolledBack: true, liveGroup: null);

        var json = JsonSerializer.Serialize(cause, CoreJsonContext.Default.FailureCause);

        Assert.Equal("""{"message":"green never became healthy","rolledBack":true,"liveGroup":null,"details":null}""", json);
    }

    [Fact]
    public void From_InvalidRequest_CarriesProblemsAsDetails()
    {
        var cause = FailureCause.From(new InvalidRequest("$.imageId", "is required", "add it"), rolledBack: false, liveGroup: "shop-blue");

        using var document = JsonDocument.Parse(JsonSerializer.Serialize(cause, CoreJsonContext.Default.FailureCause));
        Assert.Equal("$.imageId", document.RootElement.GetProperty("details").GetProperty("problems")[0].GetProperty("path").GetString());
        Assert.Equal("shop-blue", document.RootElement.GetProperty("liveGroup").GetString());
    }

    [Fact]
    public void EndingNow_UsesTheInjectedClock()
    {
        var step = StepTiming.EndingNow("CheckGreenHealth", Start, new FakeTimeProvider(Start.AddMinutes(2)));

        Assert.Equal(120, step.Seconds);
        Assert.Equal(Start.AddMinutes(2), step.EndedAt);
    }

    [Fact]
    public void Between_EndBeforeStart_ZeroSeconds() =>
        Assert.Equal(0, StepTiming.Between("x", Start, Start.AddSeconds(-1)).Seconds);
}
