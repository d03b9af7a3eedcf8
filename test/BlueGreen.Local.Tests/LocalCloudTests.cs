using System.Diagnostics;
using System.Net;
using BlueGreen.Local.Stack;
using BlueGreen.Local.Tests.Support;

namespace BlueGreen.Local.Tests;

/// <summary>Runs alone (no other collection in parallel), so counting moto processes is exact.</summary>
[CollectionDefinition(nameof(LocalCloudTests), DisableParallelization = true)]
public sealed class LifecycleCollection;

[Collection(nameof(LocalCloudTests))]
public sealed class LocalCloudTests
{
    private static readonly HttpClient Http = new();

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [Fact]
    public async Task DisposeAsync_Started_MotoProcessAndGatewayGone()
    {
        var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { Port = 0, DeployStack = false });
        var motoProcess = cloud.MotoProcessId;
        var endpoint = cloud.Endpoint;
        Assert.NotEqual(LocalCloudOptions.DefaultPort, endpoint.Port);
        Assert.True(IsRunning(motoProcess));
        using (var health = await Http.GetAsync(new Uri(endpoint, "/_bluegreen/health")))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        await cloud.DisposeAsync();

        Assert.False(IsRunning(motoProcess));
        await Assert.ThrowsAsync<HttpRequestException>(() => Http.GetAsync(new Uri(endpoint, "/_bluegreen/health")));
    }

    [Fact]
    public async Task StartAsync_UnresolvedSubstitution_FailsAndLeavesNoMotoBehind()
    {
        var before = MotoProcesses();

        var failure = await Assert.ThrowsAsync<StackDeploymentFailed>(() => LocalCloud.StartAsync(new LocalCloudOptions
        {
            Port = 0,
            TemplatePath = LocalCloudFixture.FixturePath("unresolved.template"),
        }));

        Assert.Contains("${LockTableName}", failure.Message);
        Assert.Empty(MotoProcesses().Except(before));
    }

    [Fact]
    public async Task StartAsync_NoStackName_TakesItFromSamConfig()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            Port = 0,
            TemplatePath = LocalCloudFixture.FixturePath("serverless.template"),
        });

        Assert.Equal(["bluegreen-fixture-locks"], cloud.Stack.TableNames);
        Assert.Contains("bluegreen-fixture-sdk-probe", cloud.Stack.StateMachineArns.Keys);
    }

    [Fact]
    public async Task StartAsync_TemplateMissing_FailsNamingThePath()
    {
        var root = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));

        var failure = await Assert.ThrowsAsync<StackDeploymentFailed>(() =>
            LocalCloud.StartAsync(new LocalCloudOptions { Port = 0, RepositoryRoot = root }));

        Assert.Contains(Path.Combine(root, "serverless.template"), failure.Message);
    }

    /// <summary>moto processes this test process started (other builders run moto too).</summary>
    private static HashSet<int> MotoProcesses() =>
        [.. Process.GetProcesses().Where(p =>
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{p.Id}/stat");
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                return parent == Environment.ProcessId
                    && File.ReadAllText($"/proc/{p.Id}/cmdline").Contains("launcher.py", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }).Select(p => p.Id)];
}
