using System.Collections.Concurrent;
using BlueGreen.Local.CodeDeploy;

namespace BlueGreen.Local.Tests.CodeDeploy;

public sealed class FakeTaggedInstances : ITaggedInstances
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _tags = new();

    public FakeTaggedInstances Add(string instanceId, params (string Key, string Value)[] tags)
    {
        _tags[instanceId] = tags.ToDictionary(t => t.Key, t => t.Value);
        return this;
    }

    public Task<IReadOnlyList<string>> ListRunningAsync(string region, Ec2TagFilter filter, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> ids = _tags
            .Where(i => filter.Type switch
            {
                Ec2TagFilter.KeyOnly => i.Value.ContainsKey(filter.Key!),
                Ec2TagFilter.ValueOnly => i.Value.Values.Contains(filter.Value),
                _ => i.Value.TryGetValue(filter.Key!, out var value) && value == filter.Value,
            })
            .Select(i => i.Key)
            .Order()
            .ToList();
        return Task.FromResult(ids);
    }
}
