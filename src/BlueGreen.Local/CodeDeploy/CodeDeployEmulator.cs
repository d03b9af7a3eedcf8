using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text;
using BlueGreen.Local.CodeDeploy.Internal;
using BlueGreen.Local.Gateway;

namespace BlueGreen.Local.CodeDeploy;

/// <summary>
/// The CodeDeploy deployments moto lacks: they move Created → InProgress → Succeeded (or Failed on
/// request, or Stopped) as the injected clock advances, and know the instances they target. The
/// gateway offers every CodeDeploy request here first; null means "not mine, forward to moto"
/// (applications and deployment groups stay in moto). Safe to call concurrently.
/// </summary>
public sealed class CodeDeployEmulator : IServiceEmulator
{
    public const string DefaultRegion = "us-east-1";

    private readonly CreateDeployment _create;
    private readonly StopDeployment _stop;
    private readonly ReadDeployments _read;

    public CodeDeployEmulator(
        IDeploymentGroups groups,
        IAutoScalingGroupInstances autoScalingInstances,
        ITaggedInstances taggedInstances,
        ICodeDeployFaults faults,
        TimeProvider time,
        CodeDeployEmulatorOptions? options = null)
    {
        var validated = (options ?? new CodeDeployEmulatorOptions()).Validated();
        var store = new DeploymentStore();
        _create = new CreateDeployment(store, groups, new DeploymentTargets(autoScalingInstances, taggedInstances), faults, time, validated);
        _stop = new StopDeployment(store, time, validated);
        _read = new ReadDeployments(store, groups, time);
    }

    /// <summary>The emulator over moto's deployment groups, Auto Scaling groups and EC2 instances.</summary>
    public static CodeDeployEmulator ForMoto(
        HttpClient http,
        Uri motoEndpoint,
        ICodeDeployFaults faults,
        TimeProvider time,
        CodeDeployEmulatorOptions? options = null) => new(
            new MotoDeploymentGroups(http, motoEndpoint),
            new MotoAutoScalingGroupInstances(http, motoEndpoint),
            new MotoTaggedInstances(http, motoEndpoint),
            faults,
            time,
            options);

    /// <summary>The operations answered here rather than by moto.</summary>
    public static IReadOnlySet<string> Operations { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "CreateDeployment", "GetDeployment", "BatchGetDeployments", "StopDeployment",
        "ListDeploymentInstances", "ListDeployments",
    };

    /// <summary>The gateway offers every call here after counting and fault injection.</summary>
    public bool Owns(string service, string operation) => service == "codedeploy" && Operations.Contains(operation);

    async Task<EmulatorResponse> IServiceEmulator.HandleAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        using var body = JsonDocument.Parse(request.Body.Length == 0 ? "{}"u8.ToArray() : request.Body);
        var response = await HandleAsync(request.Operation, body, request.Region, cancellationToken)
            ?? throw new InvalidOperationException($"CodeDeploy {request.Operation} is not emulated");
        return new EmulatorResponse(response.StatusCode, CodeDeployResponse.ContentType, Encoding.UTF8.GetBytes(response.Body));
    }

    public Task<CodeDeployResponse?> HandleAsync(string operation, JsonDocument body, CancellationToken cancellationToken) =>
        HandleAsync(operation, body, DefaultRegion, cancellationToken);

    /// <param name="operation">The part of X-Amz-Target after <c>CodeDeploy_20141006.</c></param>
    /// <param name="region">The request's region (its credential scope); deployments are regional.</param>
    public async Task<CodeDeployResponse?> HandleAsync(string operation, JsonDocument body, string region, CancellationToken cancellationToken)
    {
        if (!Operations.Contains(operation))
        {
            return null;
        }

        try
        {
            var request = new RequestBody(body);
            var result = operation switch
            {
                "CreateDeployment" => await _create.RunAsync(request, region, cancellationToken),
                "StopDeployment" => _stop.Run(request, region),
                "GetDeployment" => _read.Get(request, region),
                "BatchGetDeployments" => _read.BatchGet(request, region),
                "ListDeploymentInstances" => _read.ListInstances(request, region),
                _ => await _read.ListAsync(request, region, cancellationToken),
            };
            return new CodeDeployResponse(200, result.ToJsonString());
        }
        catch (CodeDeployError error)
        {
            var shape = new JsonObject { ["__type"] = error.ErrorType, ["message"] = error.Message };
            return new CodeDeployResponse(error.StatusCode, shape.ToJsonString());
        }
    }
}
