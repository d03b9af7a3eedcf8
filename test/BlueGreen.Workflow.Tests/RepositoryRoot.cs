using BlueGreen.Local;

namespace BlueGreen.Workflow.Tests;

/// <summary>The checkout's root, found from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = LocalCloud.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("BlueGreenFunctions.sln not found above " + AppContext.BaseDirectory);

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
