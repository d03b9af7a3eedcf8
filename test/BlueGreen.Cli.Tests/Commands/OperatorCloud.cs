using BlueGreen.Aws;
using BlueGreen.Local;
using BlueGreen.Local.Sample;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary>One local cloud for every operator command test (approve, reject, abort, deploy, watch,
/// connection): the tests share it one after another, each with its own sample application.</summary>
public sealed class OperatorCloud : IAsyncLifetime
{
    public const string Collection = "operator cloud";

    public LocalCloud Cloud { get; private set; } = null!;

    public AwsClients Aws { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The tests start their deployments themselves: a tagged AMI must not start one of its own.
        Cloud = await LocalCloud.StartAsync(new LocalCloudOptions { Port = 0, TimeScale = 0.01, RepositoryRoot = RepositoryRootFinder.Find(), AmiStateEvents = false });
        Aws = new AwsClients(Cloud.ClientSettings);
    }

    public static string NewApplication() => "app-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A new sample application (blue serving behind its ALB): swap, drained in a second,
    /// plus <paramref name="extraSettings"/> (settings members, each followed by a comma).</summary>
    public Task<SampleApplication> SeedAsync(string? extraSettings = null, string? application = null) => SampleApplication.SeedAsync(Aws, new SampleOptions
    {
        Application = application ?? NewApplication(),
        SettingsJson = (blue, targetGroup, _, _) => $$"""
            { "liveGroup": "{{blue}}", "strategy": "swap", "targetGroupArns": ["{{targetGroup}}"],
              {{extraSettings ?? ""}}
              "blueAfterCutover": { "action": "terminate", "waitSeconds": 0, "drainSeconds": 1 } }
            """,
    });

    public async Task DisposeAsync()
    {
        Aws.Dispose();
        await Cloud.DisposeAsync();
    }
}

[CollectionDefinition(OperatorCloud.Collection)]
public sealed class OperatorCloudCollection : ICollectionFixture<OperatorCloud>;
