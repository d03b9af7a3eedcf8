namespace BlueGreen.Local.CodeDeploy.Internal;

/// <summary>
/// All deployments, in creation order. Every read and change runs under one lock, so a
/// check-then-write (one active deployment per group, stop-unless-complete) is atomic while the
/// gateway serves requests concurrently. Work under the lock is in-memory only.
/// </summary>
internal sealed class DeploymentStore
{
    private readonly Lock _gate = new();
    private readonly DeploymentTable _table = new();

    public T Transact<T>(Func<DeploymentTable, T> work)
    {
        lock (_gate)
        {
            return work(_table);
        }
    }
}
