using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace BlueGreen.Local;

/// <summary>
/// The few AWS calls the local cloud makes itself, as plain JSON/Query HTTP POSTs (moto does not
/// check signatures by default). Temporary: the typed clients of BlueGreen.Aws replace these.
/// </summary>
public sealed class PlainAwsCalls(HttpClient http, Uri endpoint, string region = LocalCloudOptions.DefaultRegion)
{
    public Uri Endpoint { get; } = endpoint;

    public async Task<JsonNode?> JsonAsync(string service, string targetPrefix, string operation, object body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(service is "codedeploy" or "events" ? "application/x-amz-json-1.1" : "application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"{targetPrefix}.{operation}");
        Sign(request, service);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new PlainAwsCallFailed(service, operation, (int)response.StatusCode, text);
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public async Task<XDocument> QueryAsync(string service, string action, string version, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken = default)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", version) };
        form.AddRange(parameters);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new FormUrlEncodedContent(form) };
        Sign(request, service);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new PlainAwsCallFailed(service, action, (int)response.StatusCode, text);
        }

        return XDocument.Parse(text);
    }

    // DynamoDB

    public async Task<bool> TableExistsAsync(string tableName, CancellationToken cancellationToken = default)
    {
        try
        {
            await JsonAsync("dynamodb", "DynamoDB_20120810", "DescribeTable", new { TableName = tableName }, cancellationToken);
            return true;
        }
        catch (PlainAwsCallFailed failed) when (failed.Body.Contains("ResourceNotFoundException", StringComparison.Ordinal))
        {
            return false;
        }
    }

    public Task CreateTableAsync(JsonObject createTableRequest, CancellationToken cancellationToken = default) =>
        JsonAsync("dynamodb", "DynamoDB_20120810", "CreateTable", createTableRequest, cancellationToken);

    // Step Functions

    public async Task<string> CreateOrUpdateStateMachineAsync(string name, string definition, string roleArn, CancellationToken cancellationToken = default)
    {
        var arn = $"arn:aws:states:{region}:{LocalCloudOptions.AccountId}:stateMachine:{name}";
        try
        {
            await JsonAsync("states", "AWSStepFunctions", "DescribeStateMachine", new { stateMachineArn = arn }, cancellationToken);
        }
        catch (PlainAwsCallFailed failed) when (failed.Body.Contains("StateMachineDoesNotExist", StringComparison.Ordinal))
        {
            var created = await JsonAsync("states", "AWSStepFunctions", "CreateStateMachine", new { name, definition, roleArn }, cancellationToken);
            return created!["stateMachineArn"]!.GetValue<string>();
        }

        await JsonAsync("states", "AWSStepFunctions", "UpdateStateMachine", new { stateMachineArn = arn, definition, roleArn }, cancellationToken);
        return arn;
    }

    // EventBridge

    /// <summary>Creates or replaces a rule on the default bus and its targets (PutRule and PutTargets are both upserts).</summary>
    public async Task PutRuleAsync(string name, string eventPattern, string state, JsonArray targets, CancellationToken cancellationToken = default)
    {
        await JsonAsync("events", "AWSEvents", "PutRule", new JsonObject { ["Name"] = name, ["EventPattern"] = eventPattern, ["State"] = state }, cancellationToken);
        if (targets.Count > 0)
        {
            await JsonAsync("events", "AWSEvents", "PutTargets", new JsonObject { ["Rule"] = name, ["Targets"] = targets.DeepClone() }, cancellationToken);
        }
    }

    public async Task<string> StartExecutionAsync(string stateMachineArn, string input, string? name = null, CancellationToken cancellationToken = default)
    {
        var started = await JsonAsync("states", "AWSStepFunctions", "StartExecution",
            new { stateMachineArn, input, name = name ?? Guid.NewGuid().ToString() }, cancellationToken);
        return started!["executionArn"]!.GetValue<string>();
    }

    public async Task<ExecutionResult> DescribeExecutionAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        var described = (await JsonAsync("states", "AWSStepFunctions", "DescribeExecution", new { executionArn }, cancellationToken))!;
        return new ExecutionResult(
            executionArn,
            described["status"]!.GetValue<string>(),
            described["output"]?.GetValue<string>(),
            described["error"]?.GetValue<string>(),
            described["cause"]?.GetValue<string>());
    }

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

    /// <summary>Every history event (pages followed), oldest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> GetExecutionHistoryAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        var events = new List<JsonObject>();
        string? token = null;
        do
        {
            object request = token is null ? new { executionArn } : new { executionArn, nextToken = token };
            var page = (await JsonAsync("states", "AWSStepFunctions", "GetExecutionHistory", request, cancellationToken))!;
            events.AddRange(page["events"]!.AsArray().Select(e => e!.AsObject()));
            token = page["nextToken"]?.GetValue<string>();
        }
        while (token is not null);
        return events;
    }

    // CloudWatch

    public Task SetAlarmStateAsync(string alarmName, string state, string reason, CancellationToken cancellationToken = default) =>
        QueryAsync("monitoring", "SetAlarmState", "2010-08-01",
            [new("AlarmName", alarmName), new("StateValue", state), new("StateReason", reason)], cancellationToken);

    // EC2

    /// <summary>Image id and state name of each given instance that exists.</summary>
    public async Task<IReadOnlyDictionary<string, (string ImageId, string State)>> DescribeInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default)
    {
        if (instanceIds.Count == 0)
        {
            return new Dictionary<string, (string, string)>();
        }

        var parameters = new List<KeyValuePair<string, string>> { new("Filter.1.Name", "instance-id") };
        parameters.AddRange(instanceIds.Select((id, i) => new KeyValuePair<string, string>($"Filter.1.Value.{i + 1}", id)));
        var document = await QueryAsync("ec2", "DescribeInstances", "2016-11-15", parameters, cancellationToken);
        XNamespace ns = document.Root!.Name.Namespace;
        return document.Descendants(ns + "instancesSet").Elements(ns + "item").ToDictionary(
            item => item.Element(ns + "instanceId")!.Value,
            item => (item.Element(ns + "imageId")?.Value ?? string.Empty, item.Element(ns + "instanceState")?.Element(ns + "name")?.Value ?? string.Empty));
    }

    // Not a real signature (moto does not check by default); only the credential scope matters,
    // because moto and the gateway read the region and service from it.
    private const string ScopeDate = "20260101";

    private void Sign(HttpRequestMessage request, string service) =>
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=test/{ScopeDate}/{region}/{service}/aws4_request, SignedHeaders=host, Signature=0");
}
