using System.Text.Json;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Normalization;

namespace BlueGreen.Functions.Handlers;

/// <summary>State NormalizeRequest: any input shape in, one validated <see cref="Deployment"/> out.
/// Fails with InvalidRequest or ImageNotAllowed, having written nothing.</summary>
public sealed class NormalizeRequest(FunctionServices services)
    : JsonFunction<NormalizeRequestInput, Deployment>(services, FunctionJsonContext.Default.NormalizeRequestInput, FunctionJsonContext.Default.Deployment)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public NormalizeRequest()
        : this(FunctionServices.Container)
    {
    }

    /// <summary>Valid JSON the parser still refuses (nested deeper than it reads, NaN or Infinity
    /// for a number, a number too large to be finite) is the user's to fix: refused by name, before any write.</summary>
    protected override Exception UnreadableInput(JsonException error) => UnreadableRequest.From(error);

    protected override Task<Deployment> RunAsync(NormalizeRequestInput input, StepLog log, CancellationToken cancellationToken) =>
        new RequestNormalizer(Services.Aws.Ec2, Services.Aws.Parameters)
            .NormalizeAsync(input, Services.Time.GetUtcNow(), log, cancellationToken);
}
