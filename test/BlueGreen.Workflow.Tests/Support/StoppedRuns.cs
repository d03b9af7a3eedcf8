using System.Text.Json.Nodes;
using BlueGreen.Local;
using BlueGreen.Local.Calls;
using BlueGreen.Local.Sample;

namespace BlueGreen.Workflow.Tests.Support;

/// <summary>Deployments stopped part way, and the cleanup executions the status-change rule starts.</summary>
internal static class StoppedRuns
{
    /// <summary>Starts a deployment, waits until the journal shows <paramref name="reached"/>, stops it
    /// as `bluegreen abort` does. Returns the stopped execution and when StopExecution was answered.</summary>
    public static async Task<(string Stopped, DateTimeOffset StoppedAt)> StartAndStopAsync(
        this WorkflowCloud cloud, string input, Func<IEnumerable<RecordedWrite>, bool> reached)
    {
        var start = cloud.Cloud.Calls.Writes().Count;
        var arn = await cloud.Cloud.StartExecutionAsync(cloud.Cloud.StateMachineArn(WorkflowCloud.StateMachine), input);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (!reached(cloud.Cloud.Calls.Writes().Skip(start)))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the deployment never reached the point to stop it at");
            Assert.Equal("RUNNING", (await cloud.Cloud.DescribeExecutionAsync(arn)).Status);
            await Task.Delay(20);
        }

        await cloud.Aws.StepFunctions.StopExecutionAsync(arn, "DeploymentAborted", "stopped by a test");
        return (arn, DateTimeOffset.UtcNow);
    }

    /// <summary>The cleanup execution whose input names <paramref name="stopped"/>, once it has ended.</summary>
    public static async Task<ExecutionResult> WaitForCleanupAsync(this WorkflowCloud cloud, string stopped)
    {
        var machine = cloud.Cloud.StateMachineArn(WorkflowCloud.StateMachine);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        var seen = new HashSet<string> { stopped };
        while (DateTimeOffset.UtcNow < deadline)
        {
            var listed = await cloud.Cloud.Raw.JsonAsync("states", "AWSStepFunctions", "ListExecutions", new { stateMachineArn = machine });
            foreach (var arn in listed!["executions"]!.AsArray().Select(e => e!["executionArn"]!.GetValue<string>()).Where(seen.Add))
            {
                var described = await cloud.Aws.StepFunctions.DescribeExecutionAsync(arn);
                if (described.Input?.Contains(stopped, StringComparison.Ordinal) == true)
                {
                    return await cloud.Cloud.WaitForExecutionAsync(arn, TimeSpan.FromMinutes(2));
                }
            }

            seen.RemoveWhere(a => a != stopped);
            await Task.Delay(100);
        }

        throw new TimeoutException($"no cleanup of {stopped} was started");
    }

    /// <summary>The cleanup's output, with its contract keys.</summary>
    public static JsonObject CleanupOutput(this ExecutionResult cleanup)
    {
        Assert.True(cleanup.Status == "SUCCEEDED", $"cleanup {cleanup.Status} {cleanup.Error} {cleanup.Cause}");
        return JsonNode.Parse(cleanup.Output!)!.AsObject();
    }

    /// <summary>The first write of the stopped deployment's rollback that is not the lock table.</summary>
    public static RecordedWrite FirstTrafficRestore(this WorkflowCloud cloud, int from) =>
        cloud.Cloud.Calls.Writes().Skip(from).First(w => w.Function == "RollBackFunction" && w.Service != "dynamodb");

    /// <summary>No group of the application carries the green color value any more.</summary>
    public static async Task AssertGreenGoneAsync(this WorkflowCloud cloud, SampleApplication sample)
    {
        var green = await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsByTagsAsync(
            new Dictionary<string, string> { ["bluegreen:application"] = sample.Application, ["bluegreen:color"] = "green" });
        Assert.DoesNotContain(green, g => g.Status is null);
    }

    /// <summary>A deployment of the sample's new AMI at once (traffic overridden), which must succeed.</summary>
    public static async Task AssertNextDeploymentSucceedsAsync(this WorkflowCloud cloud, SampleApplication sample, string drainSettings)
    {
        await cloud.Aws.Parameters.PutParameterAsync(sample.SettingsParameter, drainSettings);
        var next = await cloud.RunAsync($$"""{ "application": "{{sample.Application}}", "imageId": "{{sample.NewImageId}}", "traffic": { "type": "AllAtOnce" } }""");
        Assert.True(next.Status == "SUCCEEDED", $"next deployment {next.Status} {next.Error} {next.Cause}");
    }

    /// <summary>The Step Functions status-change event of an execution, as AWS sends it.</summary>
    public static string StatusChange(string executionArn, string status) => new JsonObject
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = "Step Functions Execution Status Change",
        ["source"] = "aws.states",
        ["account"] = "123456789012",
        ["time"] = "2026-12-02T00:00:00Z",
        ["region"] = "us-east-1",
        ["resources"] = new JsonArray(executionArn),
        ["detail"] = new JsonObject
        {
            ["executionArn"] = executionArn,
            ["stateMachineArn"] = "arn:aws:states:us-east-1:123456789012:stateMachine:" + WorkflowCloud.StateMachine,
            ["status"] = status,
        },
    }.ToJsonString();
}
