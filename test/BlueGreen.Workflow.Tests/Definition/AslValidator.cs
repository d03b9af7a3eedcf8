using System.Diagnostics;

namespace BlueGreen.Workflow.Tests.Definition;

/// <summary>asl-validator, pinned by tools/asl-validator/package-lock.json and installed there by
/// <c>npm ci --prefix tools/asl-validator</c> (.ci/run does it).</summary>
internal static class AslValidator
{
    public static string Directory { get; } = RepositoryRoot.File("tools", "asl-validator");

    public static bool IsInstalled => File.Exists(Path.Combine(Directory, "node_modules", "asl-validator", "package.json"));

    /// <summary>Runs the validator on one definition file; its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> ValidateAsync(string definitionPath)
    {
        // "--no": never fetch a validator the lock file did not install; "--": the flags are the validator's.
        var start = new ProcessStartInfo("npx", ["--no", "--", "asl-validator", "--json-path", definitionPath])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var validator = Process.Start(start)!;
        var output = await validator.StandardOutput.ReadToEndAsync() + await validator.StandardError.ReadToEndAsync();
        await validator.WaitForExitAsync();
        return (validator.ExitCode, output);
    }
}
