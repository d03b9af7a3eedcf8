using System.Collections.Concurrent;
using System.Net;
using BlueGreen.Aws;
using BlueGreen.Local.Calls;
using BlueGreen.Local.Faults;
using BlueGreen.Local.Gateway.Internal;
using BlueGreen.Local.Gateway.Internal.WireCheck;
using BlueGreen.Local.ImageBuilder;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BlueGreen.Local.Gateway;

/// <summary>
/// The local cloud's front door on 127.0.0.1: counts every AWS call, injects requested faults,
/// answers Lambda Invoke with the in-process C# handlers, forwards everything else to moto and
/// fixes what moto reports about instance health. <c>/_bluegreen/…</c> is its own control API.
/// </summary>
public sealed class LocalGateway : IAsyncDisposable
{
    public const string ControlPrefix = "/_bluegreen";

    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly MotoForwarder _forwarder;
    private readonly LambdaInvoker _lambda;
    private readonly InstanceHealthRewriter _health;
    private readonly AlarmScheduler _alarms;
    private readonly IReadOnlyList<IServiceEmulator> _emulators;
    private readonly ConcurrentDictionary<string, AwsClients> _motoClients = new(StringComparer.Ordinal);

    private LocalGateway(WebApplication app, LocalGatewayOptions options)
    {
        _app = app;
        Calls = options.Calls ?? new CallCounter();
        Faults = options.Faults ?? new FaultRegistry();
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { Timeout = Timeout.InfiniteTimeSpan };
        _forwarder = new MotoForwarder(_http);
        _lambda = new LambdaInvoker(options.Functions ?? new EmptyFunctionCatalog(), options.Region, LocalCloudOptions.AccountId);
        _health = new InstanceHealthRewriter(Faults, region => MotoClients(region).Ec2);
        _alarms = new AlarmScheduler(Faults, () => MotoClients(options.Region).CloudWatch);
        _emulators = options.Emulators;
        Wire = new WireChecks { Enabled = options.StrictWire && WireChecker.Available };
    }

    /// <summary>Strict wire mode's count of checked requests and operations, and its violations.</summary>
    public WireChecks Wire { get; }

    public CallCounter Calls { get; }

    public FaultRegistry Faults { get; }

    public int Port { get; private set; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>The Image Builder emulator answering this gateway's Image Builder calls, which the
    /// control API's <c>/imagebuilder/images</c> adds to; null when there is none.</summary>
    public ImageBuilderEmulator? ImageBuilder => _emulators.OfType<ImageBuilderEmulator>().FirstOrDefault();

    /// <summary>moto's endpoint; set once moto runs (it needs the gateway's port first).</summary>
    public Uri? Upstream { get; set; }

    public static async Task<LocalGateway> StartAsync(LocalGatewayOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LocalGateway).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        // The host would otherwise take SIGINT/SIGTERM for itself (ConsoleLifetime) and stop only
        // the gateway; the owner of the local cloud decides when to stop, moto included.
        builder.Services.AddSingleton<IHostLifetime, OwnerControlledLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var gateway = new LocalGateway(app, options);
        app.Use((context, next) => context.Request.Path.StartsWithSegments(ControlPrefix) ? next(context) : gateway.HandleAsync(context));
        ControlApi.Map(app, gateway);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException exception) when (exception.InnerException is AddressInUseException || exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await app.DisposeAsync();
            throw new GatewayPortInUse(options.Port, exception);
        }

        gateway.Port = new Uri(app.Urls.First()).Port;
        return gateway;
    }

    /// <summary>Sets the CloudWatch alarm to ALARM (through moto's SetAlarmState) after the delay,
    /// unless faults are cleared first.</summary>
    public void FireAlarmAfter(string alarmName, TimeSpan delay) => _alarms.Schedule(alarmName, delay);

    /// <summary>Typed clients straight to moto (uncounted, unfaulted, unchecked), one set per region.</summary>
    private AwsClients MotoClients(string region) =>
        _motoClients.GetOrAdd(region, r => new AwsClients(LocalCloud.ClientSettingsFor(
            Upstream ?? throw new InvalidOperationException("moto is not attached to the gateway yet"), r)));

    private async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();

        var call = AwsCallIdentifier.Identify(context.Request, body);
        var function = context.Request.Headers[CallingFunction.Header].FirstOrDefault();
        Calls.Record(call.Service, call.Operation, function);
        Calls.RecordWrite(DateTimeOffset.UtcNow, call.Service, call.Operation, function, context.Request.Path.Value ?? "/", System.Text.Encoding.UTF8.GetString(body));

        var response = CheckWire(context, call, body) ?? await AnswerAsync(context, call, body, cancellationToken);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        context.Response.ContentLength = response.Body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(response.Body, cancellationToken);
        }
    }

    /// <summary>Strict wire mode: our own code's requests (handlers, stamped test clients) must fit
    /// botocore's model; a misfit is answered 400 before it reaches a fault, an emulator or moto.</summary>
    private BufferedResponse? CheckWire(HttpContext context, AwsCall call, byte[] body)
    {
        var headers = context.Request.Headers;
        if (!Wire.Enabled || !(headers.ContainsKey(CallingFunction.Header) || headers.ContainsKey(WireChecks.Header)))
        {
            return null;
        }

        var request = new WireRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? "",
            headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        var verdict = WireChecker.Check(call, request);
        Wire.Record(verdict.Service, verdict.Operation, verdict.Fits ? null : verdict.Message, headers[CallingFunction.Header].FirstOrDefault(), call.Service);
        return verdict.Fits ? null : ErrorResponses.WireViolation(call, verdict.Message);
    }

    private async Task<BufferedResponse> AnswerAsync(HttpContext context, AwsCall call, byte[] body, CancellationToken cancellationToken)
    {
        // A fault's function: for a Lambda Invoke the function invoked, for any other call the in-process function making it.
        var function = call is { Service: "lambda", Operation: "Invoke" }
            ? AwsCallIdentifier.InvokedFunction(context.Request.Path.Value ?? string.Empty)
            : context.Request.Headers[CallingFunction.Header].FirstOrDefault();
        var fault = Faults.TryTake(call.Service, call.Operation, function);
        if (fault is OperationFaultKind.Throttle or OperationFaultKind.ServerError)
        {
            return ErrorResponses.For(call, fault.Value);
        }

        var response = await AnswerUnfaultedAsync(context, call, body, cancellationToken);
        return fault is OperationFaultKind.LostResponse ? ErrorResponses.For(call, OperationFaultKind.ServerError) : response;
    }

    private async Task<BufferedResponse> AnswerUnfaultedAsync(HttpContext context, AwsCall call, byte[] body, CancellationToken cancellationToken)
    {
        if (call is { Service: "lambda", Operation: "Invoke" }
            && AwsCallIdentifier.InvokedFunction(context.Request.Path.Value ?? string.Empty) is { } function)
        {
            return await _lambda.InvokeAsync(function, context.Request.Headers["X-Amz-Invocation-Type"].ToString(), body, cancellationToken);
        }

        if (_emulators.FirstOrDefault(e => e.Owns(call.Service, call.Operation)) is { } emulator)
        {
            return await EmulateAsync(emulator, context, call, body, cancellationToken);
        }

        if (Upstream is null)
        {
            return BufferedResponse.Text(503, "text/plain", "moto is not running behind the gateway yet");
        }

        BufferedResponse response;
        try
        {
            response = await _forwarder.ForwardAsync(context, Upstream, body, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            return BufferedResponse.Text(502, "text/plain", $"moto did not answer: {exception.Message}");
        }

        await _health.RewriteAsync(call, body, response, cancellationToken);
        return response;
    }

    private static async Task<BufferedResponse> EmulateAsync(IServiceEmulator emulator, HttpContext context, AwsCall call, byte[] body, CancellationToken cancellationToken)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var answer = await emulator.HandleAsync(
            new EmulatorRequest(call.Service, call.Operation, call.Region, context.Request.Method, context.Request.Path.Value ?? "/", headers, body)
            {
                QueryString = context.Request.QueryString.Value ?? "",
            },
            cancellationToken);
        var response = new BufferedResponse(answer.Status, answer.Body);
        response.Headers.Add(new("Content-Type", answer.ContentType));
        response.Headers.AddRange(answer.Headers);
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        Wire.AppendReport(Environment.GetEnvironmentVariable(WireChecks.ReportVariable));
        await _alarms.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
        foreach (var clients in _motoClients.Values)
        {
            clients.Dispose();
        }
    }
}
