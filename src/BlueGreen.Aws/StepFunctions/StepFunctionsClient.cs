using System.Text.Json.Nodes;
using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;
using BlueGreen.Aws.Internal.Protocols;

namespace BlueGreen.Aws.StepFunctions;

/// <summary>Step Functions over AWS JSON 1.0 (target prefix AWSStepFunctions).</summary>
internal sealed class StepFunctionsClient(JsonProtocol json) : IStepFunctions
{
    public static readonly AwsService Service = new(
        "StepFunctions",
        "SFN",
        "states",
        "states",
        new Dictionary<string, ErrorKind>
        {
            ["ExecutionDoesNotExist"] = ErrorKind.NotFound,
            ["StateMachineDoesNotExist"] = ErrorKind.NotFound,
            ["ActivityDoesNotExist"] = ErrorKind.NotFound,
            ["TaskDoesNotExist"] = ErrorKind.NotFound,
            ["ResourceNotFound"] = ErrorKind.NotFound,
            ["ExecutionAlreadyExists"] = ErrorKind.AlreadyExists,
            ["StateMachineAlreadyExists"] = ErrorKind.AlreadyExists,
            ["ActivityAlreadyExists"] = ErrorKind.AlreadyExists,
            ["InvalidArn"] = ErrorKind.Validation,
            ["InvalidDefinition"] = ErrorKind.Validation,
            ["InvalidName"] = ErrorKind.Validation,
            ["InvalidExecutionInput"] = ErrorKind.Validation,
            ["InvalidOutput"] = ErrorKind.Validation,
            ["InvalidToken"] = ErrorKind.Validation,
            ["KmsThrottlingException"] = ErrorKind.Throttled,
        });

    public const string TargetPrefix = "AWSStepFunctions";
    public const string JsonVersion = "1.0";

    public async Task<string> StartExecutionAsync(string stateMachineArn, string? name, string input, CancellationToken cancellationToken = default)
    {
        var result = await json.SendAsync(
            "StartExecution",
            new JsonObject { ["stateMachineArn"] = stateMachineArn, ["name"] = name, ["input"] = input },
            cancellationToken);
        return result.Required("executionArn");
    }

    public async Task<Execution> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        var e = await json.SendAsync("DescribeExecution", new JsonObject { ["executionArn"] = executionArn }, cancellationToken);
        return new Execution(
            e.Required("executionArn"),
            e.Required("stateMachineArn"),
            e.Text("name") ?? "",
            ParseStatus(e.Required("status")),
            e.Time("startDate"),
            e.Time("stopDate"),
            e.Text("input"),
            e.Text("output"),
            e.Text("error"),
            e.Text("cause"));
    }

    public Task StopExecutionAsync(string executionArn, string? error = null, string? cause = null, CancellationToken cancellationToken = default) =>
        json.SendAsync(
            "StopExecution",
            new JsonObject { ["executionArn"] = executionArn, ["error"] = error, ["cause"] = cause },
            cancellationToken);

    public async Task<IReadOnlyList<HistoryEvent>> GetExecutionHistoryAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        var events = new List<HistoryEvent>();
        string? nextToken = null;
        do
        {
            var page = await json.SendAsync(
                "GetExecutionHistory",
                new JsonObject { ["executionArn"] = executionArn, ["nextToken"] = nextToken },
                cancellationToken);
            events.AddRange(page.Items("events").Select(ReadEvent));
            nextToken = page.Text("nextToken");
        }
        while (!string.IsNullOrEmpty(nextToken));

        return events;
    }

    public async Task<IReadOnlyList<HistoryEvent>> GetLatestHistoryAsync(string executionArn, int maxResults, CancellationToken cancellationToken = default)
    {
        var page = await json.SendAsync(
            "GetExecutionHistory",
            new JsonObject { ["executionArn"] = executionArn, ["reverseOrder"] = true, ["maxResults"] = maxResults },
            cancellationToken);
        // Ordered by id here too: a service that ignores reverseOrder/maxResults (moto) answers the whole history oldest first.
        return page.Items("events").Select(ReadEvent).OrderByDescending(e => e.Id).Take(maxResults).ToList();
    }

    public Task SendTaskSuccessAsync(string taskToken, string output, CancellationToken cancellationToken = default) =>
        json.SendAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = taskToken, ["output"] = output }, cancellationToken);

    public Task SendTaskFailureAsync(string taskToken, string error, string cause, CancellationToken cancellationToken = default) =>
        json.SendAsync(
            "SendTaskFailure",
            new JsonObject { ["taskToken"] = taskToken, ["error"] = error, ["cause"] = cause },
            cancellationToken);

    public async Task<string> CreateStateMachineAsync(NewStateMachine stateMachine, CancellationToken cancellationToken = default)
    {
        var result = await json.SendAsync(
            "CreateStateMachine",
            new JsonObject
            {
                ["name"] = stateMachine.Name,
                ["definition"] = stateMachine.Definition,
                ["roleArn"] = stateMachine.RoleArn,
                ["type"] = stateMachine.Type,
                ["tags"] = stateMachine.Tags is { Count: > 0 } tags
                    ? new JsonArray(tags.Select(t => (JsonNode?)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray())
                    : null,
            },
            cancellationToken);
        return result.Required("stateMachineArn");
    }

    public Task UpdateStateMachineAsync(string stateMachineArn, string? definition = null, string? roleArn = null, CancellationToken cancellationToken = default) =>
        json.SendAsync(
            "UpdateStateMachine",
            new JsonObject { ["stateMachineArn"] = stateMachineArn, ["definition"] = definition, ["roleArn"] = roleArn },
            cancellationToken);

    public async Task<IReadOnlyList<ExecutionSummary>> ListExecutionsAsync(string stateMachineArn, int maxResults, CancellationToken cancellationToken = default)
    {
        var page = await json.SendAsync(
            "ListExecutions",
            new JsonObject { ["stateMachineArn"] = stateMachineArn, ["maxResults"] = maxResults },
            cancellationToken);
        return page.Items("executions")
            .Select(e => new ExecutionSummary(e.Required("executionArn"), e.Required("name"), ParseStatus(e.Required("status")), e.Time("startDate"), e.Time("stopDate")))
            .OrderByDescending(e => e.StartedAt)
            .Take(maxResults)
            .ToList();
    }

    public async Task<ExecutionPage> ListExecutionsPageAsync(string stateMachineArn, int maxResults, string? nextToken, CancellationToken cancellationToken = default)
    {
        var page = await json.SendAsync(
            "ListExecutions",
            new JsonObject { ["stateMachineArn"] = stateMachineArn, ["maxResults"] = maxResults, ["nextToken"] = nextToken },
            cancellationToken);
        var executions = page.Items("executions")
            .Select(e => new ExecutionSummary(e.Required("executionArn"), e.Required("name"), ParseStatus(e.Required("status")), e.Time("startDate"), e.Time("stopDate")))
            .OrderByDescending(e => e.StartedAt)
            .ToList();
        return new ExecutionPage(executions, page.Text("nextToken") is { Length: > 0 } next ? next : null);
    }

    public async Task<IReadOnlyList<StateMachineSummary>> ListStateMachinesAsync(CancellationToken cancellationToken = default)
    {
        var machines = new List<StateMachineSummary>();
        string? nextToken = null;
        do
        {
            var page = await json.SendAsync("ListStateMachines", new JsonObject { ["nextToken"] = nextToken }, cancellationToken);
            machines.AddRange(page.Items("stateMachines").Select(m => new StateMachineSummary(
                m.Required("stateMachineArn"), m.Required("name"), m.Text("type") ?? "STANDARD", m.Time("creationDate"))));
            nextToken = page.Text("nextToken");
        }
        while (!string.IsNullOrEmpty(nextToken));

        return machines;
    }

    public async Task<StateMachine> DescribeStateMachineAsync(string stateMachineArn, CancellationToken cancellationToken = default)
    {
        var m = await json.SendAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = stateMachineArn }, cancellationToken);
        return new StateMachine(
            m.Required("stateMachineArn"),
            m.Required("name"),
            m.Text("status"),
            m.Required("definition"),
            m.Required("roleArn"),
            m.Text("type") ?? "STANDARD",
            m.Time("creationDate"));
    }

    private static HistoryEvent ReadEvent(JsonNode e)
    {
        var type = e.Required("type");
        var details = e[DetailsMember(type)];
        var isStateEvent = type.EndsWith("StateEntered", StringComparison.Ordinal) || type.EndsWith("StateExited", StringComparison.Ordinal);
        return new HistoryEvent(
            e.Long("id") ?? 0,
            e.Long("previousEventId"),
            type,
            e.Time("timestamp"),
            isStateEvent ? details.Text("name") : null,
            details?.ToJsonString());
    }

    /// <summary>The member that holds an event type's details, by the model's naming:
    /// "ExecutionFailed" → executionFailedEventDetails; every "…StateEntered" → stateEnteredEventDetails.
    /// Named, not the first "…EventDetails" member: the model allows any of them in any order.</summary>
    private static string DetailsMember(string type) =>
        type.EndsWith("StateEntered", StringComparison.Ordinal) ? "stateEnteredEventDetails"
        : type.EndsWith("StateExited", StringComparison.Ordinal) ? "stateExitedEventDetails"
        : char.ToLowerInvariant(type[0]) + type[1..] + "EventDetails";

    private static ExecutionStatus ParseStatus(string status) => status switch
    {
        "RUNNING" => ExecutionStatus.Running,
        "SUCCEEDED" => ExecutionStatus.Succeeded,
        "FAILED" => ExecutionStatus.Failed,
        "TIMED_OUT" => ExecutionStatus.TimedOut,
        "ABORTED" => ExecutionStatus.Aborted,
        "PENDING_REDRIVE" => ExecutionStatus.PendingRedrive,
        _ => throw new FormatException($"Unknown Step Functions execution status '{status}'."),
    };
}
