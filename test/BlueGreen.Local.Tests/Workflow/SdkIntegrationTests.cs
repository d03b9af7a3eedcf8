using BlueGreen.Local.Tests.Support;

namespace BlueGreen.Local.Tests.Workflow;

/// <summary>moto's aws-sdk and optimised integrations call through the gateway too: counted, and
/// open to the same faults (the error names below are what an ASL Retry must match).</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class SdkIntegrationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly LocalCloud _cloud;

    public SdkIntegrationTests(LocalCloudFixture fixture)
    {
        _cloud = fixture.Cloud;
        _cloud.Faults.Clear();
    }

    [Fact]
    public async Task RunExecution_AwsSdkAndDynamoDbTasks_CallsPassTheGateway()
    {
        var before = _cloud.Calls.Snapshot();

        var execution = await _cloud.RunExecutionAsync("bluegreen-test-sdk-probe", "{}", Timeout);

        Assert.True(execution.Status == "SUCCEEDED", $"{execution.Status} {execution.Error} {execution.Cause}");
        var after = _cloud.Calls.Snapshot();
        Assert.Equal(before.Count("autoscaling", "DescribeAutoScalingGroups") + 1, after.Count("autoscaling", "DescribeAutoScalingGroups"));
        Assert.Equal(before.Count("elasticloadbalancing", "DescribeTargetGroups") + 1, after.Count("elasticloadbalancing", "DescribeTargetGroups"));
        Assert.Equal(before.Count("dynamodb", "GetItem") + 1, after.Count("dynamodb", "GetItem"));
    }

    [Theory]
    [InlineData("autoscaling", "DescribeAutoScalingGroups", "AutoScaling.AutoScalingException")]
    [InlineData("elasticloadbalancing", "DescribeTargetGroups", "ElasticLoadBalancingV2.ElasticLoadBalancingV2Exception")]
    [InlineData("dynamodb", "GetItem", "DynamoDB.ThrottlingException")]
    public async Task RunExecution_IntegrationThrottled_FailsWithMotoErrorName(string service, string operation, string error)
    {
        _cloud.Faults.Throttle(service, operation, 1);

        var execution = await _cloud.RunExecutionAsync("bluegreen-test-sdk-probe", "{}", Timeout);

        Assert.Equal("FAILED", execution.Status);
        Assert.Equal(error, execution.Error);
    }

    [Fact]
    public async Task RunExecution_WithoutErrorNameWorkaround_MotoNamesAwsSdkErrorsInLowerCase()
    {
        await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            Port = 0,
            TimeScale = 0.01,
            TemplatePath = LocalCloudFixture.FixturePath("serverless.template"),
            StackName = "bluegreen-test",
            MotoWithoutWorkarounds = ["aws-sdk-error-names"],
        });
        cloud.Faults.Throttle("autoscaling", "DescribeAutoScalingGroups", 1);

        var execution = await cloud.RunExecutionAsync("bluegreen-test-sdk-probe", "{}", Timeout);

        Assert.Equal("autoscaling.autoscalingException", execution.Error);
    }
}
