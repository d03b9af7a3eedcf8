using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary>
/// `bluegreen local up` as a user runs it (README): a separate process, driven by the AWS CLI with
/// exactly the settings it prints, then stopped with Ctrl-C (SIGINT).
/// </summary>
public sealed partial class LocalUpTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task LocalUp_DrivenByTheAwsCli_AnswersAndStopsMotoOnSignal(string signal)
    {
        using var cli = StartCli("local", "up", "--port", "0");
        var banner = await ReadBannerAsync(cli);
        var environment = Exports().Matches(banner).SelectMany(m => Assignments().Matches(m.Groups[1].Value))
            .ToDictionary(a => a.Groups[1].Value, a => a.Groups[2].Value);
        var moto = Assert.Single(MotoProcesses(cli.Id));

        var groups = await AwsCliAsync(environment, "autoscaling", "describe-auto-scaling-groups");
        var machines = await AwsCliAsync(environment, "stepfunctions", "list-state-machines");
        Signal(cli, signal);
        var exited = cli.WaitForExit(30_000);

        Assert.StartsWith("http://127.0.0.1:", environment["AWS_ENDPOINT_URL"]);
        Assert.Equal("test", environment["AWS_ACCESS_KEY_ID"]);
        Assert.NotNull(groups["AutoScalingGroups"]);
        Assert.Contains(machines["stateMachines"]!.AsArray(), m => m!["name"]!.GetValue<string>() == "BlueGreenDeployment");
        Assert.True(exited, $"bluegreen local up did not stop on SIG{signal}");
        Assert.Equal(0, cli.ExitCode);
        Assert.Contains("Stopping the local cloud.", await cli.StandardOutput.ReadToEndAsync());
        Assert.False(IsAlive(moto), $"moto (pid {moto}) outlived the CLI");
    }

    [Fact]
    public async Task LocalUp_KilledOutright_MotoExitsWithItsParent()
    {
        using var cli = StartCli("local", "up", "--port", "0");
        await ReadBannerAsync(cli);
        var moto = Assert.Single(MotoProcesses(cli.Id));

        cli.Kill();
        await cli.WaitForExitAsync();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (IsAlive(moto) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.False(IsAlive(moto), $"moto (pid {moto}) was orphaned");
    }

    /// <summary>The README's trigger path, command for command: an AMI made with create-image and
    /// tagged once it is available (as Packer does) deploys the sample application by itself.</summary>
    [Fact]
    public async Task LocalUpWithSample_AmiCreatedThenTagged_TheTemplatesRuleDeploysIt()
    {
        using var cli = StartCli("local", "up", "--port", "0", "--sample", "shop", "--time-scale", "0.1");
        var banner = await ReadBannerAsync(cli);
        var environment = Exports().Matches(banner).SelectMany(m => Assignments().Matches(m.Groups[1].Value))
            .ToDictionary(a => a.Groups[1].Value, a => a.Groups[2].Value);
        try
        {
            var source = (await AwsCliAsync(environment, "ec2", "describe-images", "--owners", "amazon", "--query", "Images[0].ImageId"))!.GetValue<string>();
            var instance = (await AwsCliAsync(environment, "ec2", "run-instances", "--image-id", source, "--count", "1", "--query", "Instances[0].InstanceId"))!.GetValue<string>();
            var image = (await AwsCliAsync(environment, "ec2", "create-image", "--instance-id", instance, "--name", "shop-v3", "--query", "ImageId"))!.GetValue<string>();
            var machine = "arn:aws:states:us-east-1:123456789012:stateMachine:BlueGreenDeployment";
            var execution = await EventuallyAsync(async () =>
                (await AwsCliAsync(environment, "stepfunctions", "list-executions", "--state-machine-arn", machine, "--query", "executions[0].executionArn")) is JsonValue arn ? arn.GetValue<string>() : null);
            // The README sleeps 10 s here; the test waits until the execution has looked for the tag.
            await EventuallyAsync(async () =>
                (await AwsCliAsync(environment, "stepfunctions", "get-execution-history", "--execution-arn", execution, "--query", "events[?stateEnteredEventDetails.name=='WaitForImageTag'] | [0].id")) is JsonValue id ? id.ToString() : null);
            await AwsCliTextAsync(environment, "ec2", "create-tags", "--resources", image, "--tags", "Key=bluegreen:application,Value=shop");

            var status = await EventuallyAsync(async () =>
                (await AwsCliAsync(environment, "stepfunctions", "describe-execution", "--execution-arn", execution, "--query", "[status,output]")) is JsonArray ended && ended[0]!.GetValue<string>() != "RUNNING" ? ended : null,
                TimeSpan.FromMinutes(3));

            Assert.Contains("Sample application shop", banner, StringComparison.Ordinal);
            Assert.Equal("SUCCEEDED", status[0]!.GetValue<string>());
            var output = JsonNode.Parse(status[1]!.GetValue<string>())!;
            Assert.Equal("Promoted", output["outcome"]!.GetValue<string>());
            Assert.Equal(image, output["imageId"]!.GetValue<string>());
        }
        finally
        {
            Signal(cli, "INT");
            cli.WaitForExit(30_000);
        }
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan? within = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromMinutes(1));
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(200);
        }
    }

    private static Process StartCli(params string[] args)
    {
        // A shell starting a background job ignores SIGINT in it, and ignored signals are
        // inherited: restore the default so SIGINT arrives as Ctrl-C in a terminal would.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRootFinder.Find(),
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bluegreen.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Everything up to the "Ctrl-C stops it" line, which `local up` prints once ready.</summary>
    private static async Task<string> ReadBannerAsync(Process cli)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var banner = new System.Text.StringBuilder();
        while (await cli.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            banner.AppendLine(line);
            if (line.Contains("Ctrl-C stops it", StringComparison.Ordinal))
            {
                return banner.ToString();
            }
        }

        throw new InvalidOperationException($"local up ended before it was ready:\n{banner}\n{await cli.StandardError.ReadToEndAsync()}");
    }

    private static async Task<JsonNode> AwsCliAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        JsonNode.Parse(await AwsCliTextAsync(environment, args) is { Length: > 0 } text ? text : "null")!;

    private static async Task<string> AwsCliTextAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("aws", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var aws = Process.Start(start)!;
        var output = await aws.StandardOutput.ReadToEndAsync();
        var error = await aws.StandardError.ReadToEndAsync();
        await aws.WaitForExitAsync();
        Assert.True(aws.ExitCode == 0, $"aws {string.Join(' ', args)}: {error}");
        return output.Trim();
    }

    private static void Signal(Process process, string signal) => Process.Start("kill", [$"-{signal}", process.Id.ToString()])!.WaitForExit();

    private static List<int> MotoProcesses(int cli) =>
        ChildProcesses(cli).Where(p => CommandLine(p).Contains("launcher.py", StringComparison.Ordinal)).ToList();

    private static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/status") && !IsZombie(pid);

    private static IEnumerable<int> ChildProcesses(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(int.Parse!)
            .Where(pid => ParentOf(pid) == parent)
            .SelectMany(pid => ChildProcesses(pid).Prepend(pid));

    private static int? ParentOf(int pid) => Status(pid, "PPid:") is { } value ? int.Parse(value) : null;

    private static bool IsZombie(int pid) => Status(pid, "State:")?.StartsWith('Z') == true;

    private static string? Status(int pid, string key)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?[key.Length..].Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    [GeneratedRegex(@"^\s*export (.+)$", RegexOptions.Multiline)]
    private static partial Regex Exports();

    [GeneratedRegex(@"(\w+)=(\S+)")]
    private static partial Regex Assignments();
}
