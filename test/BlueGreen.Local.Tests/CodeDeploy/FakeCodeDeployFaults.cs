using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using BlueGreen.Local.CodeDeploy;

namespace BlueGreen.Local.Tests.CodeDeploy;

/// <summary>Pending failures per group, each taken once (as the gateway's registry will).</summary>
public sealed class FakeCodeDeployFaults : ICodeDeployFaults
{
    private readonly ConcurrentDictionary<(string, string), ConcurrentQueue<string>> _pending = new();

    public void FailNext(string application, string group, string reason) =>
        _pending.GetOrAdd((application, group), _ => new()).Enqueue(reason);

    public bool TakeFailure(string applicationName, string deploymentGroupName, [NotNullWhen(true)] out string? reason)
    {
        reason = null;
        return _pending.TryGetValue((applicationName, deploymentGroupName), out var queue) && queue.TryDequeue(out reason);
    }
}
