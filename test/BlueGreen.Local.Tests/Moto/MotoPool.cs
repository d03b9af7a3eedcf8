using System.Collections.Concurrent;
using BlueGreen.Local.Moto;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>
/// One moto with every workaround and one without each workaround, started on first use and
/// shared by the workaround tests (starting moto takes seconds; each test makes its own resources).
/// </summary>
public sealed class MotoPool : IAsyncLifetime
{
    public const double TimeScale = 0.01;

    private readonly ConcurrentDictionary<string, Lazy<Task<Started>>> _servers = new();

    public Task<StepFunctionsDriver> WithAllAsync() => DriverAsync("");

    public Task<StepFunctionsDriver> WithoutAsync(string workaround) => DriverAsync(workaround);

    private async Task<StepFunctionsDriver> DriverAsync(string without)
    {
        var started = await _servers.GetOrAdd(without, name => new Lazy<Task<Started>>(() => StartAsync(name))).Value;
        return started.Driver;
    }

    private static async Task<Started> StartAsync(string without)
    {
        var server = await MotoServer.StartAsync(new MotoServerOptions
        {
            TimeScale = TimeScale,
            WithoutWorkarounds = without.Length == 0 ? [] : [without],
        });
        return new Started(server, new StepFunctionsDriver(new RawAws(server.Endpoint)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var lazy in _servers.Values.Where(s => s.IsValueCreated))
        {
            try
            {
                var started = await lazy.Value;
                started.Driver.Client.Dispose();
                await started.Server.DisposeAsync();
            }
            catch (MotoUnavailable)
            {
                // It never started; nothing to stop.
            }
        }
    }

    private sealed record Started(MotoServer Server, StepFunctionsDriver Driver);
}

[CollectionDefinition(Name)]
public sealed class MotoWorkaroundsCollection : ICollectionFixture<MotoPool>
{
    public const string Name = "moto launcher workarounds";
}
