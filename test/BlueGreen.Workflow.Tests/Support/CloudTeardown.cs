using BlueGreen.Local;

namespace BlueGreen.Workflow.Tests.Support;

/// <summary>How a workflow test cloud ends: its clients and the cloud disposed, then loud about what
/// the collection's runs did wrong on the wire, even where a handler swallowed the refusal
/// (announcements never fail a step), and about any call no function's policy allows.</summary>
internal static class CloudTeardown
{
    public static async Task DisposeCheckedAsync(LocalCloud cloud, params IDisposable[] clients)
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        var wire = cloud.Wire;
        await cloud.DisposeAsync();
        wire.ThrowIfAnyViolation();
        PolicyAssertions.ThrowIfAnyCallNotAllowed(wire.Snapshot());
    }
}
