using Amazon;
using Amazon.Runtime;
using BlueGreen.Aws;
using BlueGreen.Local.Calls;
using BlueGreen.Local.CodeDeploy;
using BlueGreen.Local.Faults;
using BlueGreen.Local.Gateway;
using BlueGreen.Local.ImageBuilder;
using BlueGreen.Local.Moto;
using BlueGreen.Local.Stack;

namespace BlueGreen.Local;

/// <summary>
/// The local cloud: the gateway on one loopback port in front of moto, with the stack from
/// serverless.template deployed. Start it, point AWS_ENDPOINT_URL at <see cref="Endpoint"/>,
/// dispose it to stop both (moto's process included).
/// </summary>
public sealed class LocalCloud : IAsyncDisposable
{
    private readonly LocalGateway _gateway;
    private readonly MotoServer _moto;
    private readonly HttpClient _http;
    private readonly LocalFunctions? _functions;
    private readonly AwsClients _motoClients;

    private LocalCloud(LocalGateway gateway, MotoServer moto, HttpClient http, LocalFunctions? functions, AwsClients motoClients, LocalCloudOptions options, TimeProvider clock)
    {
        Clock = clock;
        _gateway = gateway;
        _moto = moto;
        _http = http;
        _functions = functions;
        _motoClients = motoClients;
        Options = options;
        Clients = new AwsClients(ClientSettingsFor(gateway.Endpoint, options.Region));
    }

    public LocalCloudOptions Options { get; }

    /// <summary>The cloud's clock, as the in-process handlers and the CodeDeploy emulator read it:
    /// real time sped up by 1/<see cref="LocalCloudOptions.TimeScale"/> from the cloud's start, so
    /// times the handlers write (promotion, lock, phase starts) are on it, not on the wall clock.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The one endpoint of the local cloud (the gateway), e.g. http://127.0.0.1:4566.</summary>
    public Uri Endpoint => _gateway.Endpoint;

    public CallCounter Calls => _gateway.Calls;

    public FaultRegistry Faults => _gateway.Faults;

    /// <summary>Strict wire mode's report: requests and operations checked, violations refused.</summary>
    public WireChecks Wire => _gateway.Wire;

    /// <summary>The Image Builder emulator: <c>ImageBuilder.CreateImageAsync</c> records a finished
    /// image build and puts its state change event, like <c>POST /_bluegreen/imagebuilder/images</c>.</summary>
    public ImageBuilderEmulator ImageBuilder => _gateway.ImageBuilder!;

    public DeployedStack Stack { get; private set; } = DeployedStack.Empty;

    /// <summary>BlueGreen's typed clients, through the gateway (so their calls are counted and faulted).</summary>
    public AwsClients Clients { get; }

    /// <summary>moto_server's own process, for checks that nothing outlives the cloud.</summary>
    public int MotoProcessId => _moto.ProcessId;

    public Uri MotoEndpoint => _moto.Endpoint;

    public static async Task<LocalCloud> StartAsync(LocalCloudOptions options, CancellationToken cancellationToken = default)
    {
        var templatePath = options.DeployStack ? StackTemplate.Locate(options) : null;
        // Both ports are fixed first: the handlers and the CodeDeploy emulator, built before
        // anything starts, need the gateway's and moto's addresses.
        var gatewayPort = options.Port == 0 ? MotoServer.FreePort() : options.Port;
        var motoEndpoint = new Uri($"http://127.0.0.1:{MotoServer.FreePort()}");
        var faults = options.Faults ?? new FaultRegistry();
        var http = new HttpClient();
        var clock = options.ScaledClock();
        var stackName = templatePath is null ? null : options.StackName ?? StackTemplate.DefaultStackName(templatePath);
        var functions = options.Functions is null
            ? LocalFunctions.Create(new Uri($"http://127.0.0.1:{gatewayPort}"), options.Region, clock, options.FunctionLog, StackTemplate.FunctionEnvironment(templatePath, stackName, options.Region))
            : null;
        // The emulators' own calls (Image Builder's state change events) go straight to moto,
        // uncounted and unfaulted, as AWS's own calls between services would.
        var motoClients = new AwsClients(ClientSettingsFor(motoEndpoint, options.Region));
        var imageBuilder = new ImageBuilderEmulator(motoClients.Events, TimeProvider.System, options.Region, LocalCloudOptions.AccountId);
        var cloudFormation = new CloudFormationEmulator(options.Region, LocalCloudOptions.AccountId, TimeProvider.System);
        LocalGateway? gateway = null;
        MotoServer? moto = null;
        try
        {
            gateway = await LocalGateway.StartAsync(new LocalGatewayOptions
            {
                Port = gatewayPort,
                Functions = options.Functions ?? functions!.Catalog,
                Region = options.Region,
                Faults = faults,
                StrictWire = options.StrictWire,
                // Image Builder is always there (last, so an emulator passed in for it wins).
                Emulators = [.. options.Emulators ?? [CodeDeployEmulator.ForMoto(http, motoEndpoint, faults, clock, options.CodeDeployTimes())], imageBuilder, cloudFormation],
            }, cancellationToken);
            moto = await MotoServer.StartAsync(new MotoServerOptions
            {
                Port = motoEndpoint.Port,
                LambdaPort = gateway.Port,
                TimeScale = options.TimeScale,
                WithoutWorkarounds =
                [
                    .. options.MotoWithoutWorkarounds,
                    .. options.ExecutionStatusEvents ? Array.Empty<string>() : [MotoServer.ExecutionStatusEvents],
                    .. options.AmiStateEvents ? Array.Empty<string>() : [MotoServer.AmiStateEvents],
                ],
            }, cancellationToken);
            gateway.Upstream = moto.Endpoint;
            var cloud = new LocalCloud(gateway, moto, http, functions, motoClients, options, clock);
            if (templatePath is not null)
            {
                cloud.Stack = await new StackDeployer(motoClients, options.Region, LocalCloudOptions.AccountId, stackName!)
                    .DeployAsync(templatePath, cancellationToken);
                cloudFormation.Stack = cloud.Stack;
            }

            return cloud;
        }
        catch
        {
            if (moto is not null)
            {
                await moto.DisposeAsync();
            }

            if (gateway is not null)
            {
                await gateway.DisposeAsync();
            }

            functions?.Dispose();
            motoClients.Dispose();
            http.Dispose();
            throw;
        }
    }

    /// <summary>Settings for BlueGreen's AWS clients to talk to this cloud like to AWS.</summary>
    public AwsSettings ClientSettings => ClientSettingsFor(Endpoint, Options.Region);

    internal static AwsSettings ClientSettingsFor(Uri endpoint, string region) => new()
    {
        Region = RegionEndpoint.GetBySystemName(region),
        Credentials = new BasicAWSCredentials(LocalCredentials.AccessKeyId, LocalCredentials.SecretAccessKey),
        Endpoint = endpoint,
    };

    /// <summary>
    /// Seeds the sample application (<see cref="SampleApplication.SeedAsync"/>) with the stack's
    /// rules disabled: its AMIs announce themselves as they are registered and tagged, before its
    /// blue group and settings exist, and a rule would start a deployment that cannot work yet.
    /// EventBridge drops what a disabled rule would have matched, as in AWS. Announce
    /// <see cref="SampleApplication.NewImageId"/> (or make a new AMI) to deploy.
    /// </summary>
    public async Task<Sample.SampleApplication> SeedSampleAsync(Sample.SampleOptions options, CancellationToken cancellationToken = default)
    {
        foreach (var rule in Stack.Rules)
        {
            await Clients.Events.SetRuleEnabledAsync(rule, enabled: false, cancellationToken);
        }

        try
        {
            var sample = await Sample.SampleApplication.SeedAsync(Clients, options, cancellationToken);
            // The last AMI's event goes out a moment (1 s × TimeScale, at least 50 ms) after it was registered.
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0.3, 1.5 * Options.TimeScale)), cancellationToken);
            return sample;
        }
        finally
        {
            foreach (var rule in Stack.Rules)
            {
                await Clients.Events.SetRuleEnabledAsync(rule, enabled: true, CancellationToken.None);
            }
        }
    }

    /// <summary>The ARN of a deployed state machine by its name (e.g. "BlueGreenDeployment").</summary>
    public string StateMachineArn(string name) =>
        Stack.StateMachineArns.TryGetValue(name, out var arn)
            ? arn
            : throw new KeyNotFoundException($"no state machine named {name} was deployed (deployed: {string.Join(", ", Stack.StateMachineArns.Keys)})");

    /// <summary>Starts an execution of a deployed state machine (by name or ARN) and waits for its end.</summary>
    public async Task<ExecutionResult> RunExecutionAsync(string stateMachine, string input, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var arn = stateMachine.StartsWith("arn:", StringComparison.Ordinal) ? stateMachine : StateMachineArn(stateMachine);
        var executionArn = await StartExecutionAsync(arn, input, cancellationToken: cancellationToken);
        return await WaitForExecutionAsync(executionArn, timeout, cancellationToken);
    }

    /// <summary>Starts an execution (named <paramref name="name"/>, else a new GUID); returns its ARN.</summary>
    public Task<string> StartExecutionAsync(string stateMachineArn, string input, string? name = null, CancellationToken cancellationToken = default) =>
        Clients.StepFunctions.StartExecutionAsync(stateMachineArn, name ?? Guid.NewGuid().ToString(), input, cancellationToken);

    public async Task<ExecutionResult> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken = default) =>
        ExecutionResult.Of(await Clients.StepFunctions.DescribeExecutionAsync(executionArn, cancellationToken));

    /// <summary>Polls DescribeExecution until the execution is no longer RUNNING.</summary>
    public async Task<ExecutionResult> WaitForExecutionAsync(string executionArn, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var execution = await DescribeExecutionAsync(executionArn, deadline.Token);
                if (execution.Status != "RUNNING")
                {
                    return execution;
                }

                await Task.Delay(50, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"execution {executionArn} still RUNNING after {timeout}");
        }
    }

    /// <summary>Sets the CloudWatch alarm to ALARM after the delay (real time), unless faults are cleared first.</summary>
    public void FireAlarmAfter(string alarmName, TimeSpan delay) => _gateway.FireAlarmAfter(alarmName, delay);

    /// <summary>The checkout holding serverless.template: the nearest directory at or above
    /// <paramref name="start"/> with BlueGreenFunctions.sln; null when there is none.</summary>
    public static string? FindRepositoryRoot(string start) => StackTemplate.FindRepositoryRoot(start);

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _moto.DisposeAsync();
        _functions?.Dispose();
        _motoClients.Dispose();
        Clients.Dispose();
        _http.Dispose();
    }
}
