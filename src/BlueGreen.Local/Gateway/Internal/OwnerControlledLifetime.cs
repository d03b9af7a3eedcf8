using Microsoft.Extensions.Hosting;

namespace BlueGreen.Local.Gateway.Internal;

/// <summary>A host lifetime that listens to no signal: the gateway stops when its owner disposes it.</summary>
internal sealed class OwnerControlledLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
