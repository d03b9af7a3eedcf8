using System.Diagnostics;
using BlueGreen.Local;

namespace BlueGreen.Cli.Tests;

/// <summary>The <c>bluegreen</c> command in its own process, as a user runs it: against a local cloud
/// with nothing but the standard AWS settings pointing at it, or offline (demo, diagram).</summary>
internal static class CliProcess
{
    public static Task<(int Exit, string Output, string Error)> RunAsync(LocalCloud cloud, params string[] args) =>
        RunAsync(cloud, new Dictionary<string, string?>(), args);

    /// <param name="environment">Changes to the environment: a null value removes the variable
    /// (e.g. the keys, to show what a user without credentials sees).</param>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(LocalCloud cloud, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = Start(RepositoryRootFinder.Find(), args);
        start.Environment["AWS_ENDPOINT_URL"] = cloud.Endpoint.ToString();
        start.Environment["AWS_ACCESS_KEY_ID"] = LocalCredentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = LocalCredentials.SecretAccessKey;
        start.Environment["AWS_REGION"] = cloud.Options.Region;
        foreach (var name in new[] { "BLUEGREEN_LOCK_TABLE", "BLUEGREEN_STACK", "AWS_PROFILE", "AWS_SESSION_TOKEN" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return await RunAsync(start, TimeSpan.FromMinutes(3));
    }

    /// <summary>The command with the environment it inherits and no cloud (demo, diagram).</summary>
    public static Task<(int Exit, string Output, string Error)> RunOfflineAsync(string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunAsync(Start(workingDirectory, args), timeout);

    private static ProcessStartInfo Start(string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bluegreen.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var cli = Process.Start(start)!;
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync().WaitAsync(timeout);
        return (cli.ExitCode, await output, await error);
    }
}
