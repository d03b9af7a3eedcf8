using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Local.CodeDeploy;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Local.Tests.CodeDeploy;

/// <summary>An emulator over fakes: app "shop", group "shop-green" on ASG "shop-green-asg" with two instances.</summary>
public sealed class EmulatorHarness
{
    public const string App = "shop";
    public const string Group = "shop-green";
    public static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);

    public EmulatorHarness()
    {
        Groups.Add(App, Group, "shop-green-asg").Add(App, "empty", "no-instances-asg");
        Instances.Set("shop-green-asg", "i-0000000000000001", "i-0000000000000002");
        Emulator = new CodeDeployEmulator(Groups, Instances, Tagged, Faults, Time, new CodeDeployEmulatorOptions { StartDelay = StartDelay, Duration = Duration });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public FakeDeploymentGroups Groups { get; } = new();

    public FakeAutoScalingGroupInstances Instances { get; } = new();

    public FakeTaggedInstances Tagged { get; } = new();

    public FakeCodeDeployFaults Faults { get; } = new();

    public CodeDeployEmulator Emulator { get; }

    public static JsonObject Revision() => new()
    {
        ["revisionType"] = "S3",
        ["s3Location"] = new JsonObject { ["bucket"] = "b", ["key"] = "shop.zip", ["bundleType"] = "zip" },
    };

    public async Task<(int Status, JsonNode Body)> CallAsync(string operation, JsonObject body)
    {
        using var document = JsonDocument.Parse(body.ToJsonString());
        var response = await Emulator.HandleAsync(operation, document, CancellationToken.None)
            ?? throw new InvalidOperationException($"{operation} was not handled");
        return (response.StatusCode, JsonNode.Parse(response.Body)!);
    }

    public async Task<JsonNode> OkAsync(string operation, JsonObject body)
    {
        var (status, json) = await CallAsync(operation, body);
        Assert.True(status == 200, $"{operation} answered {status}: {json.ToJsonString()}");
        return json;
    }

    public async Task<string> CreateAsync(string group = Group) =>
        (await OkAsync("CreateDeployment", new JsonObject
        {
            ["applicationName"] = App,
            ["deploymentGroupName"] = group,
            ["revision"] = Revision(),
        }))["deploymentId"]!.GetValue<string>();

    public async Task<JsonNode> InfoAsync(string id) =>
        (await OkAsync("GetDeployment", new JsonObject { ["deploymentId"] = id }))["deploymentInfo"]!;

    public async Task<string> StatusAsync(string id) => (await InfoAsync(id))["status"]!.GetValue<string>();

    /// <summary>Asserts AWS's error shape and returns its type.</summary>
    public async Task<string> ErrorAsync(string operation, JsonObject body)
    {
        var (status, json) = await CallAsync(operation, body);
        Assert.Equal(400, status);
        Assert.False(string.IsNullOrEmpty(json["message"]?.GetValue<string>()));
        return json["__type"]!.GetValue<string>();
    }
}
