using System.Collections.Concurrent;
using BlueGreen.Local.CodeDeploy;

namespace BlueGreen.Local.Tests.CodeDeploy;

public sealed class FakeAutoScalingGroupInstances : IAutoScalingGroupInstances
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _instances = new();

    public FakeAutoScalingGroupInstances Set(string autoScalingGroup, params string[] instanceIds)
    {
        _instances[autoScalingGroup] = instanceIds;
        return this;
    }

    public Task<IReadOnlyList<string>> ListInServiceAsync(string region, string autoScalingGroupName, CancellationToken cancellationToken) =>
        Task.FromResult(_instances.TryGetValue(autoScalingGroupName, out var ids) ? ids : []);
}
