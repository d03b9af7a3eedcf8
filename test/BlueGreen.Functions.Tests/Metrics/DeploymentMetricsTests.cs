using System.Text.Json.Nodes;
using BlueGreen.Aws.StepFunctions;
using BlueGreen.Core.Outputs;
using BlueGreen.Core.Requests;
using BlueGreen.Core.Settings;
using BlueGreen.Functions.Contracts;
using BlueGreen.Functions.Metrics;
using BlueGreen.Functions.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Functions.Tests.Metrics;

public sealed class DeploymentMetricsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ended_RolledBack_WritesOneEmfDocumentWithTheRollbackMetrics()
    {
        var console = new RuntimeConsole();

        new DeploymentMetrics(console, new FakeTimeProvider(Now)).Ended(Deployment(Now.AddMinutes(-12.5)), DeploymentEventStatus.RolledBack, "RollBack", TimeSpan.FromSeconds(2.25));

        var document = Assert.IsType<JsonObject>(JsonNode.Parse(Assert.Single(console.Events)));
        var metrics = EmfShape.Assert(document);
        Assert.Equal(
            [
                "BlueGreen Application+Outcome Deployments Count",
                "BlueGreen Application+Outcome DeploymentDuration Seconds",
                "BlueGreen Application Rollbacks Count",
                "BlueGreen Application TrafficRestoreTime Seconds",
            ],
            metrics.Select(m => $"{m.Namespace} {string.Join('+', m.Dimensions)} {m.Name} {m.Unit}").ToArray());
        Assert.Equal(Now.ToUnixTimeMilliseconds(), document["_aws"]!["Timestamp"]!.GetValue<long>());
        Assert.Equal("shop", document["Application"]!.GetValue<string>());
        Assert.Equal("RolledBack", document["Outcome"]!.GetValue<string>());
        Assert.Equal(1, document["Deployments"]!.GetValue<double>());
        Assert.Equal(750, document["DeploymentDuration"]!.GetValue<double>());
        Assert.Equal(1, document["Rollbacks"]!.GetValue<double>());
        Assert.Equal(2.25, document["TrafficRestoreTime"]!.GetValue<double>());
        Assert.Equal("d-123", document["deploymentId"]!.GetValue<string>());
        Assert.Equal("RollBack", document["step"]!.GetValue<string>());
    }

    [Fact]
    public void Ended_Promoted_CountsTheDeploymentAndItsDurationButNoRollback()
    {
        var output = new StringWriter();

        new DeploymentMetrics(output, new FakeTimeProvider(Now)).Ended(Deployment(Now.AddSeconds(-90)), DeploymentEventStatus.Promoted, "ReleaseLock");

        var document = JsonNode.Parse(output.ToString())!.AsObject();
        Assert.Equal(["Deployments", "DeploymentDuration"], EmfShape.Assert(document).Select(m => m.Name).ToArray());
        Assert.Equal("Promoted", document["Outcome"]!.GetValue<string>());
        Assert.Equal(90, document["DeploymentDuration"]!.GetValue<double>());
        Assert.Null(document["Rollbacks"]);
    }

    [Fact]
    public void Ended_ClockBehindTheStart_DurationIsZeroNotNegative()
    {
        var output = new StringWriter();

        new DeploymentMetrics(output, new FakeTimeProvider(Now)).Ended(Deployment(Now.AddSeconds(3)), DeploymentEventStatus.Ignored, "AcquireLock");

        Assert.Equal(0, JsonNode.Parse(output.ToString())!["DeploymentDuration"]!.GetValue<double>());
    }

    [Fact]
    public void FailingCheck_TaskFailedThenRollBack_IsTheFailureBeforeRollBack()
    {
        var failed = Now.AddSeconds(-5);
        HistoryEvent[] history =
        [
            new(1, null, "ExecutionStarted", Now.AddMinutes(-3), null, null),
            new(2, 1, "TaskStateEntered", Now.AddMinutes(-2), "CheckGreenHealth", null),
            new(3, 2, "LambdaFunctionFailed", Now.AddMinutes(-2).AddSeconds(1), null, null),
            new(4, 3, "TaskStateEntered", Now.AddSeconds(-10), "ShiftTraffic", null),
            new(5, 4, "LambdaFunctionFailed", failed, null, null),
            new(6, 5, "TaskStateEntered", Now.AddSeconds(-4), "RollBack", null),
            new(7, 6, "LambdaFunctionFailed", Now.AddSeconds(-3), null, null),
        ];

        Assert.Equal(failed, FailingCheck.At(history));
    }

    [Fact]
    public void FailingCheck_StoppedExecution_IsWhenItWasStopped()
    {
        HistoryEvent[] history =
        [
            new(1, null, "ExecutionStarted", Now.AddMinutes(-3), null, null),
            new(2, 1, "WaitStateEntered", Now.AddMinutes(-2), "Bake", null),
            new(3, 2, "ExecutionAborted", Now.AddMinutes(-1), null, null),
        ];

        Assert.Equal(Now.AddMinutes(-1), FailingCheck.At(history));
    }

    private static Deployment Deployment(DateTimeOffset startedAt) => new(
        "d-123",
        "d-123",
        "arn:aws:states:us-east-1:123456789012:execution:BlueGreenDeployment:d-123",
        "shop",
        "ami-0abc",
        TriggerKind.Request,
        null,
        false,
        DeploymentStrategy.Swap,
        new ApplicationSettings(),
        new DeploymentResourceNames("shop-d-123", "bluegreen-shop-d-123", "/bluegreen/applications/shop"),
        startedAt);
}
