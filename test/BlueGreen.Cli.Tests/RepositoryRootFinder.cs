using BlueGreen.Local;

namespace BlueGreen.Cli.Tests;

internal static class RepositoryRootFinder
{
    public static string Find() =>
        LocalCloud.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("BlueGreenFunctions.sln not found");
}
