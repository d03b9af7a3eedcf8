using System.Text.Json;
using System.Text.Json.Nodes;
using BlueGreen.Aws;
using BlueGreen.Aws.Ec2;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Cli.Watching;
using BlueGreen.Core.Naming;
using BlueGreen.Core.Outputs;

namespace BlueGreen.Cli.Inspection;

/// <summary>
/// Reads the state machine's executions newest first and turns each into a
/// <see cref="DeploymentRecord"/>, stopping as soon as the caller has what it needs or after
/// <c>maxExecutions</c>. Calls, all bounded: ListExecutions pages of <see cref="PageSize"/>, one
/// DescribeExecution per execution read (<see cref="Parallel"/> at a time), one GetExecutionHistory
/// page per FAILED one (<see cref="FailEvents"/> events), and one DescribeImages
/// per distinct AMI of an image-event execution whose application neither input nor output names.
/// Step Functions keeps executions 90 days after they end, so nothing older is seen either way.
/// </summary>
internal sealed class ExecutionScan(AwsClients aws, string stateMachineArn)
{
    public const int PageSize = 100;

    /// <summary>DescribeExecution calls in flight at once (its quota is far above this).</summary>
    public const int Parallel = 8;

    /// <summary>Events read at the end of a failed execution (FailStateEntered, ExecutionFailed and a margin).</summary>
    public const int FailEvents = 5;

    private readonly Dictionary<string, string?> _imageApplications = new(StringComparer.Ordinal);

    /// <summary>How many executions were read.</summary>
    public int Scanned { get; private set; }

    /// <summary>True when the scan reached the oldest execution (no more pages).</summary>
    public bool ReachedEnd { get; private set; }

    /// <summary>Records newest first; <paramref name="enough"/> sees every record and says when to stop.</summary>
    public async Task ScanAsync(int maxExecutions, Func<DeploymentRecord, bool> enough, CancellationToken cancellationToken)
    {
        string? nextToken = null;
        do
        {
            var page = await aws.StepFunctions.ListExecutionsPageAsync(stateMachineArn, Math.Min(PageSize, maxExecutions - Scanned), nextToken, cancellationToken);
            nextToken = page.NextToken;
            foreach (var chunk in page.Executions.Chunk(Parallel))
            {
                var records = await Task.WhenAll(chunk.Select(e => ReadAsync(e, cancellationToken)));
                foreach (var record in records)
                {
                    Scanned++;
                    if (record is not null && enough(record))
                    {
                        return;
                    }
                }
            }
        }
        while (nextToken is not null && Scanned < maxExecutions);

        ReachedEnd = nextToken is null;
    }

    /// <summary>Null for an execution that expired between the listing and the read.</summary>
    private async Task<DeploymentRecord?> ReadAsync(ExecutionSummary summary, CancellationToken cancellationToken)
    {
        Execution execution;
        try
        {
            execution = await aws.StepFunctions.DescribeExecutionAsync(summary.Arn, cancellationToken);
        }
        catch (AwsNotFoundException)
        {
            return null;
        }

        var input = Parse(execution.Input);
        var output = Parse(execution.Output);
        var cause = execution.Status == ExecutionStatus.Failed ? FailureCause.Read(execution.Cause) : null;
        var request = Requested(input);
        var imageId = Text(output, "imageId") ?? Text(request, "imageId") ?? ImageOfEvent(request);
        var application = Text(output, "application") ?? Text(request, "application")
            ?? (imageId is not null && IsImageEvent(request) ? await ApplicationOfImageAsync(imageId, cancellationToken) : null);
        return new DeploymentRecord(
            execution.Arn,
            execution.Name,
            application,
            execution.Status,
            execution.StartedAt ?? summary.StartedAt,
            execution.StoppedAt ?? summary.StoppedAt,
            imageId,
            Text(output, "strategy") ?? Text(request, "strategy"),
            DeploymentEnding.From(execution, await FailStateAsync(execution, cancellationToken)).Outcome,
            execution.Error,
            cause?.Message ?? Text(output, "reason") ?? Text(output, "message") ?? (cause is null ? execution.Cause : null),
            cause?.LiveGroup ?? Text(output, "liveGroup"));
    }

    /// <summary>A FAILED execution's latest events, oldest first: the Fail state it ended in tells a
    /// refusal from a rollback (one GetExecutionHistory page of <see cref="FailEvents"/>).</summary>
    private async Task<IReadOnlyList<HistoryEvent>> FailStateAsync(Execution execution, CancellationToken cancellationToken) =>
        execution.Status == ExecutionStatus.Failed
            ? (await aws.StepFunctions.GetLatestHistoryAsync(execution.Arn, FailEvents, cancellationToken)).Reverse().ToList()
            : [];

    /// <summary>The request the execution ran: its input, or for a cleanup (started by a Step
    /// Functions status-change event) the stopped execution's input, which the event carries.</summary>
    private static JsonObject? Requested(JsonObject? input) =>
        input?["detail"]?["input"] is JsonValue stoppedInput && stoppedInput.TryGetValue<string>(out var text) ? Parse(text) : input;

    private static bool IsImageEvent(JsonObject? input) => Text(input, "source") is "aws.ec2" or "aws.imagebuilder";

    private static string? ImageOfEvent(JsonObject? input) =>
        Text(input, "source") == "aws.ec2" && input!["detail"] is JsonObject detail ? Text(detail, "ImageId") : null;

    /// <summary>The AMI's <c>bluegreen:application</c> tag, as NormalizeRequest read it (once per AMI).</summary>
    private async Task<string?> ApplicationOfImageAsync(string imageId, CancellationToken cancellationToken)
    {
        lock (_imageApplications)
        {
            if (_imageApplications.TryGetValue(imageId, out var known))
            {
                return known;
            }
        }

        string? application;
        try
        {
            var images = await aws.Ec2.DescribeImagesAsync(new ImageQuery { ImageIds = [imageId] }, cancellationToken);
            application = images.FirstOrDefault()?.Tags.GetValueOrDefault(TagKeys.Application);
        }
        catch (AwsServiceException)
        {
            // Deregistered since: whose it was is no longer known.
            application = null;
        }

        lock (_imageApplications)
        {
            _imageApplications[imageId] = application;
        }

        return application;
    }

    private static JsonObject? Parse(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
