using System.Diagnostics;

namespace BlueGreen.Testing;

/// <summary>
/// Runs Python with botocore (it comes with moto) for tests that take AWS's own models or signer
/// as the referee. One copy, linked into each test project that needs it (see its .csproj).
/// </summary>
internal static class BotocorePython
{
    /// <summary>Runs <paramref name="script"/> (code, or a path ending in .py) with
    /// <paramref name="input"/> on stdin; returns stdout, and fails the test with stderr on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string script, string input, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("BLUEGREEN_PYTHON") ?? "python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (script.EndsWith(".py", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(script);
        }
        else
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        return (await output).Trim();
    }
}
