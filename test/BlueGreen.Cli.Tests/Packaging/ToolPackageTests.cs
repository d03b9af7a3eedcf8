using System.Diagnostics;
using System.Text.Json.Nodes;
using BlueGreen.Cli.Tests.Commands;
using BlueGreen.Local;

namespace BlueGreen.Cli.Tests.Packaging;

/// <summary>
/// The README's install path: <c>dotnet pack</c> makes the <c>bluegreen</c> .NET tool,
/// <c>dotnet tool install --add-source</c> installs it, and it works from a directory outside the
/// checkout. Packed once, from the build the tests already made (<c>--no-build</c>), installed
/// into a temporary <c>--tool-path</c> with its own NuGet cache so a stale copy is never used.
/// </summary>
[Collection(OperatorCloud.Collection)]
public sealed class ToolPackageTests(OperatorCloud fixture)
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task InstalledTool_OutsideTheCheckout_PrintsHelpAndReadsStatusAsJson()
    {
        var root = RepositoryRootFinder.Find();
        var work = Directory.CreateTempSubdirectory("bluegreen-tool-").FullName;
        try
        {
            var (packages, tools, outside) = (Path.Combine(work, "packages"), Path.Combine(work, "tools"), Path.Combine(work, "outside"));
            Directory.CreateDirectory(outside);
            var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work, "nuget") };
            await RunAsync("dotnet", root, environment, "pack", Path.Combine(root, "src", "BlueGreen.Cli"), "--no-build", "-c", Configuration, "-o", packages);
            await RunAsync("dotnet", outside, environment, "tool", "install", "--tool-path", tools, "--add-source", packages, "BlueGreen.Cli");
            var bluegreen = Path.Combine(tools, "bluegreen");
            Assert.Null(LocalCloud.FindRepositoryRoot(outside));

            var help = await RunAsync(bluegreen, outside, new Dictionary<string, string>(), "--help");
            var sample = await InspectionRuns.SeedSwapAsync(fixture, approval: false);
            var status = await RunAsync(bluegreen, outside, CloudSettings(fixture.Cloud), "status", sample.Application, "--output", "json");

            Assert.Contains("status <application>", help);
            Assert.Contains("history <application>", help);
            var app = Assert.Single(JsonNode.Parse(status)!["applications"]!.AsArray())!;
            Assert.Equal(sample.BlueGroup, app["live"]!["group"]!.GetValue<string>());
            Assert.True(File.Exists(Path.Combine(Directory.GetDirectories(Path.Combine(tools, ".store"), "bluegreen.cli", SearchOption.AllDirectories)[0], "0.1.0", "bluegreen.cli", "0.1.0", "tools", "net10.0", "any", LocalCloudOptions.BundledStackFolder, LocalCloudOptions.TemplateFileName)),
                "the tool carries the stack that local up deploys outside a checkout");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static Dictionary<string, string> CloudSettings(LocalCloud cloud) => new()
    {
        ["AWS_ENDPOINT_URL"] = cloud.Endpoint.ToString(),
        ["AWS_ACCESS_KEY_ID"] = LocalCredentials.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = LocalCredentials.SecretAccessKey,
        ["AWS_REGION"] = cloud.Options.Region,
    };

    private static async Task<string> RunAsync(string file, string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await error}{await output}");
        return await output;
    }
}
