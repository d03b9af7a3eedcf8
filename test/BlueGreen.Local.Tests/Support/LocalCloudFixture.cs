using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.Support;

/// <summary>One local cloud (free port, time × 0.01, the fixture template) shared by a collection.</summary>
public sealed class LocalCloudFixture : IAsyncLifetime
{
    public static string FixturePath(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public TestFunctionCatalog Functions { get; } = new();

    public LocalCloud Cloud { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Functions.Add("EchoFunction", input => input);
        Functions.Add("ThrowingFunction", input => throw new GreenUnhealthy($"2 of 3 green instances unhealthy ({input?["application"]})"));
        Functions.Add("FlakyFunction", input =>
        {
            // Throws Transient on the first call of each run, succeeds on the next.
            var run = input?["run"]?.GetValue<string>() ?? "default";
            return FlakyRuns.AddOrUpdate(run, 1, (_, n) => n + 1) == 1
                ? throw new Transient("throttled by a dependency; try again")
                : input;
        });
        Functions.Add("CheckGreenHealthFunction", input =>
            input?["green"]?.GetValue<string>() == "unhealthy"
                ? throw new GreenUnhealthy("i-0abc failed health checks")
                : new JsonObject { ["green"] = "healthy", ["run"] = input?["run"]?.DeepClone() });

        Cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            Port = 0,
            TimeScale = 0.01,
            Functions = Functions,
            TemplatePath = FixturePath("serverless.template"),
            StackName = "bluegreen-test",
        });
    }

    public System.Collections.Concurrent.ConcurrentDictionary<string, int> FlakyRuns { get; } = new();

    public async Task DisposeAsync() => await Cloud.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class LocalCloudCollection : ICollectionFixture<LocalCloudFixture>
{
    public const string Name = "local cloud";
}
