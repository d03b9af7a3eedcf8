using System.Text.Json;
using BlueGreen.Core.Health;
using BlueGreen.Core.Requests;
using BlueGreen.Core.Serialization;
using BlueGreen.Core.Settings;
using BlueGreen.Core.Tests.TestSupport;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Tests.Serialization;

public sealed class CoreJsonContextTests
{
    [Theory]
    [InlineData("settings-swap.json")]
    [InlineData("settings-weighted.json")]
    [InlineData("settings-dns.json")]
    public void RoundTrip_Settings_SerializedFormParsesBackToEqualSettings(string example)
    {
        var settings = SettingsParser.Parse(Fixture.Read("Examples", "Files", example));

        var json = JsonSerializer.Serialize(settings, CoreJsonContext.Default.ApplicationSettings);
        var reparsed = SettingsParser.Parse(json);
        var deserialized = JsonSerializer.Deserialize(json, CoreJsonContext.Default.ApplicationSettings)!;

        Assert.Equal(json, JsonSerializer.Serialize(reparsed, CoreJsonContext.Default.ApplicationSettings));
        Assert.Equal(json, JsonSerializer.Serialize(deserialized, CoreJsonContext.Default.ApplicationSettings));
    }

    [Fact]
    public void Serialize_Request_IsTheConsoleShapeAgain()
    {
        var input = Fixture.Read("Examples", "Files", "console-input.json");
        var request = ((RequestTrigger)TriggerParser.Parse(input)).Request;

        var json = JsonSerializer.Serialize(request, CoreJsonContext.Default.DeploymentRequest);

        Assert.Equal(request, ((RequestTrigger)TriggerParser.Parse(json)).Request with { });
        Assert.Contains("\"strategy\":\"weighted\"", json, StringComparison.Ordinal);
        Assert.Contains("\"traffic\":{\"type\":\"Linear\",\"percent\":25,\"intervalSeconds\":60}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_Trigger_KeepsItsKind()
    {
        DeploymentTrigger trigger = new ImageBuilderTrigger("arn:aws:imagebuilder:us-east-1:123456789012:image/shop/1.0.0/1", "AVAILABLE", "us-east-1");

        var json = JsonSerializer.Serialize(trigger, CoreJsonContext.Default.DeploymentTrigger);
        var back = JsonSerializer.Deserialize(json, CoreJsonContext.Default.DeploymentTrigger);

        Assert.StartsWith("{\"kind\":\"imageBuilder\"", json, StringComparison.Ordinal);
        Assert.Equal(trigger, back);
    }

    [Fact]
    public void Serialize_Enums_UseTheirJsonNames()
    {
        Assert.Equal("\"in-group\"", JsonSerializer.Serialize(DeploymentStrategy.InGroup, CoreJsonContext.Default.Options));
        Assert.Equal("\"scaleToZero\"", JsonSerializer.Serialize(BlueAction.ScaleToZero, CoreJsonContext.Default.Options));
        Assert.Equal("\"TimedOut\"", JsonSerializer.Serialize(HealthDecision.TimedOut, CoreJsonContext.Default.HealthDecision));
    }

    [Fact]
    public void Serialize_TrafficPlan_CamelCaseSteps()
    {
        var json = JsonSerializer.Serialize(TrafficPlan.For(TrafficSettings.Canary(10, 30), HealthSettings.Default), CoreJsonContext.Default.TrafficPlan);

        Assert.Equal(
            """{"steps":[{"index":0,"greenWeight":10,"bakeSeconds":30,"blueWeight":90,"isLast":false},{"index":1,"greenWeight":100,"bakeSeconds":0,"blueWeight":0,"isLast":true}]}""",
            json);
    }
}
