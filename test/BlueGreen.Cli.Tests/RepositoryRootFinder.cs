namespace BlueGreen.Cli.Tests;

internal static class RepositoryRootFinder
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BlueGreenFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BlueGreenFunctions.sln not found");
    }
}
