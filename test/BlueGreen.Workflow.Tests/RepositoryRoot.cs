namespace BlueGreen.Workflow.Tests;

/// <summary>The checkout's root, found from the test binaries by walking up to the solution file.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "BlueGreenFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BlueGreenFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
