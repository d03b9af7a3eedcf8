using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Core.Requests;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Hosting;
using BlueGreen.Functions.Logging;
using BlueGreen.Functions.Normalization;

namespace BlueGreen.Functions.Handlers;

/// <summary>State NormalizeRequest: any input shape in, one validated <see cref="Deployment"/> out;
/// for an image event, possibly an <see cref="ImageTagAwaited"/> (wait, then ask again) or an
/// <see cref="IgnoredTrigger"/> (end SUCCEEDED, nothing deployed); for a stopped or timed-out
/// execution's status-change event, the <see cref="StoppedDeploymentCleanup"/> the cleanup branch
/// starts from. Fails with InvalidRequest or ImageNotAllowed, having written nothing.</summary>
public sealed class NormalizeRequest(FunctionServices services)
    : JsonFunction<NormalizeRequestInput, JsonNode>(services, FunctionJsonContext.Default.NormalizeRequestInput, FunctionJsonContext.Default.JsonNode)
{
    /// <summary>Used by the Lambda runtime: services from the container's environment.</summary>
    public NormalizeRequest()
        : this(FunctionServices.Container)
    {
    }

    /// <summary>Valid JSON the parser still refuses (nested deeper than it reads, NaN or Infinity
    /// for a number, a number too large to be finite) is the user's to fix: refused by name, before any write.</summary>
    protected override Exception UnreadableInput(JsonException error) => UnreadableRequest.From(error);

    protected override async Task<JsonNode> RunAsync(NormalizeRequestInput input, StepLog log, CancellationToken cancellationToken)
    {
        if (ExecutionStatusChange.IsEvent(input.Input))
        {
            var stopped = ExecutionStatusChange.Read(input.Input);
            log.Info("Accepted the {Status} of {StoppedExecution} for cleanup", stopped.Status, stopped.ExecutionArn);
            return JsonSerializer.SerializeToNode(new StoppedDeploymentCleanup(stopped), FunctionJsonContext.Default.StoppedDeploymentCleanup)!;
        }

        var aws = Services.Aws;
        var normalized = await new RequestNormalizer(
                aws.Ec2,
                aws.Parameters,
                new ImageEventIntake(aws.Ec2, Services.Settings.ImageTagWait),
                new ImageBuildAmis(aws.ImageBuilder, aws.Region))
            .NormalizeAsync(input, Services.Time.GetUtcNow(), log, cancellationToken);
        return normalized.ToJson();
    }
}
