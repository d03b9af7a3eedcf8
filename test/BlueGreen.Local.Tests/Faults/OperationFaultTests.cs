using System.Net;
using System.Text.Json.Nodes;
using BlueGreen.Local.Faults;
using BlueGreen.Local.Tests.Support;

namespace BlueGreen.Local.Tests.Faults;

[Collection(LocalCloudCollection.Name)]
public sealed class OperationFaultTests
{
    private readonly LocalCloud _cloud;

    public OperationFaultTests(LocalCloudFixture fixture)
    {
        _cloud = fixture.Cloud;
        _cloud.Faults.Clear();
    }

    [Fact]
    public async Task Throttle_QueryOperationTwice_ThrottlingXml400ThenForwarded()
    {
        _cloud.Faults.Throttle("autoscaling", "DescribeAutoScalingGroups", 2);

        for (var i = 0; i < 2; i++)
        {
            using var throttled = await _cloud.Raw.SendQueryAsync("autoscaling", "DescribeAutoScalingGroups", "2011-01-01");
            Assert.Equal(HttpStatusCode.BadRequest, throttled.StatusCode);
            var body = await throttled.Content.ReadAsStringAsync();
            Assert.Contains("<Code>Throttling</Code>", body);
            Assert.Contains("<Type>Sender</Type>", body);
        }

        using var passed = await _cloud.Raw.SendQueryAsync("autoscaling", "DescribeAutoScalingGroups", "2011-01-01");
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
    }

    [Fact]
    public void Throttle_InvokeOfOneFunction_OtherFunctionsUntouched()
    {
        _cloud.Faults.Throttle("lambda", "Invoke", 1, function: "ShiftTrafficFunction");

        var other = _cloud.Faults.TryTake("lambda", "Invoke", "RollBackFunction");
        var named = _cloud.Faults.TryTake("lambda", "Invoke", "ShiftTrafficFunction");
        var after = _cloud.Faults.TryTake("lambda", "Invoke", "ShiftTrafficFunction");

        Assert.Equal((null, OperationFaultKind.Throttle, null), (other, named, after));
    }

    [Fact]
    public void LoseResponse_CallsByOneFunction_OtherCallersUntouched()
    {
        _cloud.Faults.LoseResponse("autoscaling", "DeleteAutoScalingGroup", 1, function: "RollBackFunction");

        var otherFunction = _cloud.Faults.TryTake("autoscaling", "DeleteAutoScalingGroup", "RetireBlueFunction");
        var noFunction = _cloud.Faults.TryTake("autoscaling", "DeleteAutoScalingGroup");
        var named = _cloud.Faults.TryTake("autoscaling", "DeleteAutoScalingGroup", "RollBackFunction");

        Assert.Equal((null, null, OperationFaultKind.LostResponse), (otherFunction, noFunction, named));
    }

    [Fact]
    public async Task LoseResponse_Write_TakesEffectButAnswers500()
    {
        var table = "lost-" + Guid.NewGuid().ToString("N")[..8];
        _cloud.Faults.LoseResponse("dynamodb", "CreateTable", 1);

        using var lost = await _cloud.Raw.SendJsonAsync("dynamodb", "DynamoDB_20120810.CreateTable", $$"""
            { "TableName": "{{table}}", "BillingMode": "PAY_PER_REQUEST",
              "AttributeDefinitions": [{ "AttributeName": "id", "AttributeType": "S" }],
              "KeySchema": [{ "AttributeName": "id", "KeyType": "HASH" }] }
            """);
        using var described = await _cloud.Raw.SendJsonAsync("dynamodb", "DynamoDB_20120810.DescribeTable", $$"""{ "TableName": "{{table}}" }""");

        Assert.Equal(HttpStatusCode.InternalServerError, lost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, described.StatusCode);
    }

    [Fact]
    public async Task Throttle_JsonOperation_ThrottlingException400()
    {
        _cloud.Faults.Throttle("states", "ListStateMachines", 1);

        using var throttled = await _cloud.Raw.SendJsonAsync("states", "AWSStepFunctions.ListStateMachines");

        Assert.Equal(HttpStatusCode.BadRequest, throttled.StatusCode);
        Assert.Equal("ThrottlingException", JsonNode.Parse(await throttled.Content.ReadAsStringAsync())!["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Throttle_Route53RestPath_ThrottlingXml400()
    {
        _cloud.Faults.Throttle("route53", "ListHostedZones", 1);

        using var throttled = await _cloud.Raw.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(_cloud.Endpoint, "/2013-04-01/hostedzone")), "route53");

        Assert.Equal(HttpStatusCode.BadRequest, throttled.StatusCode);
        var body = await throttled.Content.ReadAsStringAsync();
        Assert.Contains("https://route53.amazonaws.com/doc/2013-04-01/", body);
        Assert.Contains("<Code>Throttling</Code>", body);
    }

    [Fact]
    public async Task Throttle_Ec2Operation_RequestLimitExceeded503()
    {
        _cloud.Faults.Throttle("ec2", "DescribeInstances", 1);

        using var throttled = await _cloud.Raw.SendQueryAsync("ec2", "DescribeInstances", "2016-11-15");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, throttled.StatusCode);
        Assert.Contains("<Code>RequestLimitExceeded</Code>", await throttled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AwsCli_ThrottledTwice_CliRetriesAndSucceeds()
    {
        var before = _cloud.Calls.Count("elasticloadbalancing", "DescribeTargetGroups");
        _cloud.Faults.Throttle("elasticloadbalancing", "DescribeTargetGroups", 2);

        var result = await AwsCli.RunAsync(_cloud.Endpoint, "elbv2", "describe-target-groups");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(before + 3, _cloud.Calls.Count("elasticloadbalancing", "DescribeTargetGroups"));
    }

    [Fact]
    public async Task ServerError_TwiceOverHttpApi_500ThenForwarded()
    {
        using var injected = await _cloud.Raw.ControlAsync(HttpMethod.Post, "/faults/server-error",
            """{"service":"states","operation":"ListStateMachines","times":2}""");
        Assert.Equal(HttpStatusCode.NoContent, injected.StatusCode);

        for (var i = 0; i < 2; i++)
        {
            using var failed = await _cloud.Raw.SendJsonAsync("states", "AWSStepFunctions.ListStateMachines");
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.Equal("InternalFailure", JsonNode.Parse(await failed.Content.ReadAsStringAsync())!["__type"]!.GetValue<string>());
        }

        using var passed = await _cloud.Raw.SendJsonAsync("states", "AWSStepFunctions.ListStateMachines");
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
    }

    [Fact]
    public async Task ThrottleOverHttpApi_ThenClear_FaultListedThenGone()
    {
        using var injected = await _cloud.Raw.ControlAsync(HttpMethod.Post, "/faults/throttle",
            """{"service":"autoscaling","operation":"UpdateAutoScalingGroup","times":3}""");
        Assert.Equal(HttpStatusCode.NoContent, injected.StatusCode);
        using var listed = await _cloud.Raw.ControlAsync(HttpMethod.Get, "/faults");
        var fault = JsonNode.Parse(await listed.Content.ReadAsStringAsync())!["operations"]![0]!;
        Assert.Equal("Throttle", fault["kind"]!.GetValue<string>());
        Assert.Equal(3, fault["remaining"]!.GetValue<int>());

        using var cleared = await _cloud.Raw.ControlAsync(HttpMethod.Delete, "/faults");

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(_cloud.Faults.Snapshot().Operations);
        Assert.Null(_cloud.Faults.TryTake("autoscaling", "UpdateAutoScalingGroup"));
    }

    [Fact]
    public async Task ServerErrorOverHttpApi_WithFunction_ListedAndOnlyThatFunctionsInvokes()
    {
        using var injected = await _cloud.Raw.ControlAsync(HttpMethod.Post, "/faults/server-error",
            """{"service":"lambda","operation":"Invoke","function":"ReleaseLockFunction","times":1}""");
        Assert.Equal(HttpStatusCode.NoContent, injected.StatusCode);
        using var listed = await _cloud.Raw.ControlAsync(HttpMethod.Get, "/faults");
        var fault = JsonNode.Parse(await listed.Content.ReadAsStringAsync())!["operations"]![0]!;

        Assert.Equal("ReleaseLockFunction", fault["function"]!.GetValue<string>());
        Assert.Null(_cloud.Faults.TryTake("lambda", "Invoke", "AcquireLockFunction"));
        Assert.Equal(OperationFaultKind.ServerError, _cloud.Faults.TryTake("lambda", "Invoke", "ReleaseLockFunction"));
    }

    [Fact]
    public async Task ThrottleOverHttpApi_MissingOperation_400()
    {
        using var rejected = await _cloud.Raw.ControlAsync(HttpMethod.Post, "/faults/throttle",
            """{"service":"autoscaling","operation":"","times":1}""");

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
    }

    [Fact]
    public async Task CodeDeployFailureOverHttpApi_RecordedForTheEmulatorOnce()
    {
        using var injected = await _cloud.Raw.ControlAsync(HttpMethod.Post, "/faults/codedeploy-failure",
            """{"message":"ApplicationStop script failed"}""");
        Assert.Equal(HttpStatusCode.NoContent, injected.StatusCode);

        Assert.True(_cloud.Faults.TryTakeCodeDeployFailure(out var message));
        Assert.Equal("ApplicationStop script failed", message);
        Assert.False(_cloud.Faults.TryTakeCodeDeployFailure(out _));
    }
}
