using System.Diagnostics;
using BlueGreen.Local;

namespace BlueGreen.Cli.Tests;

/// <summary>The <c>bluegreen</c> command in its own process, as a user runs it, with nothing but the
/// standard AWS settings pointing at the local cloud.</summary>
internal static class CliProcess
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(LocalCloud cloud, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRootFinder.Find(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bluegreen.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AWS_ENDPOINT_URL"] = cloud.Endpoint.ToString();
        start.Environment["AWS_ACCESS_KEY_ID"] = LocalCredentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = LocalCredentials.SecretAccessKey;
        start.Environment["AWS_REGION"] = cloud.Options.Region;
        start.Environment.Remove("BLUEGREEN_LOCK_TABLE");
        using var cli = Process.Start(start)!;
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (cli.ExitCode, await output, await error);
    }
}
