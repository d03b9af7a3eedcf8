using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using BlueGreen.Aws;
using BlueGreen.Core.Errors;
using BlueGreen.Core.Requests;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;

namespace BlueGreen.Functions.Tests.Hosting;

public sealed class JsonFunctionTests : IDisposable
{
    private readonly StringWriter _log = new();
    private readonly AwsClients _aws = new(new AwsSettings
    {
        Region = Amazon.RegionEndpoint.USEast1,
        Credentials = new BasicAWSCredentials("unused", "unused"),
        Endpoint = new Uri("http://127.0.0.1:9"),
    });

    [Fact]
    public async Task InvokeAsync_InputOfADeployment_EveryRecordCarriesItsIdAndApplication()
    {
        await new LoggingStep(Services(), fail: false).InvokeAsync(Input(), CancellationToken.None);

        var record = Assert.Single(Records());
        Assert.Equal(
            ["timestamp", "level", "message", "messageTemplate", "step", "deploymentId", "application", "greenGroup"],
            record.Select(p => p.Key).ToArray());
        Assert.Equal(("LoggingStep", "k3v7q2m9x4bd", "shop"), (record["step"]!.GetValue<string>(), record["deploymentId"]!.GetValue<string>(), record["application"]!.GetValue<string>()));
    }

    [Fact]
    public async Task InvokeAsync_StepFails_TheFailureRecordCarriesThemToo()
    {
        await Assert.ThrowsAsync<UnexpectedError>(() => new LoggingStep(Services(), fail: true).InvokeAsync(Input(), CancellationToken.None));

        var failure = Records().Last();
        Assert.Equal("Error", failure["level"]!.GetValue<string>());
        Assert.Equal("k3v7q2m9x4bd", failure["deploymentId"]!.GetValue<string>());
        Assert.Equal("shop", failure["application"]!.GetValue<string>());
    }

    public void Dispose() => _aws.Dispose();

    private FunctionServices Services() => new(_aws, TimeProvider.System, _log, new FunctionSettings("locks"));

    private List<JsonObject> Records() =>
        _log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();

    private static MemoryStream Input()
    {
        var deployment = new Deployment(
            "k3v7q2m9x4bd", "exec-1", "arn:aws:states:us-east-1:123456789012:execution:BlueGreenDeployment:exec-1", "shop", "ami-0123456789abcdef0",
            TriggerKind.Request, null, false, DeploymentStrategy.Swap, new ApplicationSettings(),
            new DeploymentResourceNames("shop-k3v7q2m9x4bd", "bluegreen-shop-k3v7q2m9x4bd", "/bluegreen/applications/shop"), DateTimeOffset.UnixEpoch);
        return new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new WorkflowState { Deployment = deployment }, FunctionJsonContext.Default.WorkflowState)));
    }

    /// <summary>A step that logs one line (and fails when told to), as any handler would.</summary>
    private sealed class LoggingStep(FunctionServices services, bool fail)
        : JsonFunction<WorkflowState, WorkflowState>(services, FunctionJsonContext.Default.WorkflowState, FunctionJsonContext.Default.WorkflowState)
    {
        protected override Task<WorkflowState> RunAsync(WorkflowState input, StepLog log, CancellationToken cancellationToken)
        {
            log.Info("Created green group {GreenGroup}", input.Deployment.Names.GreenGroup);
            return fail ? throw new InvalidOperationException("boom") : Task.FromResult(input);
        }
    }
}
