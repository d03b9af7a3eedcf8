namespace BlueGreen.Core.Tests.TestSupport;

/// <summary>Reads JSON fixtures copied next to the test assembly.</summary>
internal static class Fixture
{
    public static string Read(params string[] path) =>
        File.ReadAllText(Path.Combine([AppContext.BaseDirectory, .. path]));
}
