using System.Text.Json.Nodes;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Functions.Tests.Logging;

public sealed class StepLogTests
{
    private static readonly DateTimeOffset LoggedAt = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private readonly StringWriter _output = new();

    [Fact]
    public void Info_Template_WritesOneJsonLineWithRenderedMessageTemplateAndValues()
    {
        var log = new StepLog(_output, new FakeTimeProvider(LoggedAt), "ProvisionGreen").With("deploymentId", "abc").With("application", "shop");

        log.Info("Created {GreenGroup} with {Desired} instances", "shop-abc", 3);

        var line = JsonNode.Parse(_output.ToString().Trim())!;
        Assert.Equal("Created shop-abc with 3 instances", line["message"]!.GetValue<string>());
        Assert.Equal("Created {GreenGroup} with {Desired} instances", line["messageTemplate"]!.GetValue<string>());
        Assert.Equal("shop-abc", line["greenGroup"]!.GetValue<string>());
        Assert.Equal("3", line["desired"]!.GetValue<string>());
        Assert.Equal("ProvisionGreen", line["step"]!.GetValue<string>());
        Assert.Equal("abc", line["deploymentId"]!.GetValue<string>());
        Assert.Equal("2026-11-27T10:00:00+00:00", line["timestamp"]!.GetValue<string>());
        Assert.Single(_output.ToString().Trim().Split('\n'));
    }

    [Fact]
    public void Error_Exception_CarriesTypeAndMessage()
    {
        var log = new StepLog(_output, new FakeTimeProvider(LoggedAt), "CheckGreenHealth");

        log.Error(new TimeoutException("slow"), "{Step} failed", "CheckGreenHealth");

        var line = JsonNode.Parse(_output.ToString().Trim())!;
        Assert.Equal("Error", line["level"]!.GetValue<string>());
        Assert.Equal("TimeoutException", line["errorType"]!.GetValue<string>());
        Assert.Equal("slow", line["errorMessage"]!.GetValue<string>());
    }

    [Fact]
    public void Info_ValueWithQuotesAndNewlines_StaysOneValidJsonLine()
    {
        var log = new StepLog(_output, new FakeTimeProvider(LoggedAt), "NormalizeRequest");

        log.Info("Reason {Reason}", "say \"hi\"\nthen go");

        var text = _output.ToString().Trim();
        Assert.DoesNotContain('\n', text);
        Assert.Equal("say \"hi\"\nthen go", JsonNode.Parse(text)!["reason"]!.GetValue<string>());
    }

    [Fact]
    public void Info_PlaceholderNamedLikeAFixedKey_WritesEachKeyOnce()
    {
        var log = new StepLog(_output, new FakeTimeProvider(LoggedAt), "RollBack");

        log.Info("Rolling back after {Error}: {Message} at {Level}", "AlarmFired", "alarm web-5xx", "edge");

        var text = _output.ToString().Trim();
        using var document = System.Text.Json.JsonDocument.Parse(text);
        var keys = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(keys.Distinct().Count(), keys.Count);
        Assert.Equal("Rolling back after AlarmFired: alarm web-5xx at edge", JsonNode.Parse(text)!["message"]!.GetValue<string>());
        Assert.Equal("Information", JsonNode.Parse(text)!["level"]!.GetValue<string>());
    }

    [Fact]
    public void Info_UnderTheRuntimesJsonLogFormat_IsOneLogEventWithTopLevelFields()
    {
        var console = new RuntimeConsole();
        var log = new StepLog(console, new FakeTimeProvider(LoggedAt), "RollBack").With("deploymentId", "abc").With("application", "shop");

        log.Info("Rolled back; live group {LiveGroup}", "shop-blue");
        log.Warn("No history for {Execution}", "arn:x");

        Assert.Equal(2, console.Events.Count);
        var first = Assert.IsType<JsonObject>(JsonNode.Parse(console.Events[0]));
        Assert.Equal(
            ["timestamp", "level", "message", "messageTemplate", "step", "deploymentId", "application", "liveGroup"],
            first.Select(p => p.Key).ToArray());
        Assert.Equal("abc", first["deploymentId"]!.GetValue<string>());
        Assert.Equal("shop", first["application"]!.GetValue<string>());
        Assert.Equal("RollBack", first["step"]!.GetValue<string>());
        Assert.Equal("Information", first["level"]!.GetValue<string>());
        Assert.Equal("Rolled back; live group shop-blue", first["message"]!.GetValue<string>());
        Assert.Equal("Warning", JsonNode.Parse(console.Events[1])!["level"]!.GetValue<string>());
        Assert.All(console.Events, e => Assert.EndsWith("}\n", e));
    }

    [Fact]
    public void RuntimeConsole_WriteLineOfAJsonLine_BuriesItsFieldsInMessage()
    {
        // The model reproduces the reported fault: a line written with WriteLine is the runtime's message.
        var console = new RuntimeConsole();

        console.WriteLine("""{"deploymentId":"abc","step":"RollBack"}""");

        var wrapped = JsonNode.Parse(Assert.Single(console.Events))!;
        Assert.Null(wrapped["deploymentId"]);
        Assert.Equal("""{"deploymentId":"abc","step":"RollBack"}""", wrapped["message"]!.GetValue<string>());
    }
}
