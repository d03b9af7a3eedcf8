using System.Net;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.Internal.Http;

[Collection(MotoCollection.Name)]
public sealed class RetryPipelineTests(MotoFixture moto)
{
    private readonly InterceptingHandler _interceptor = new();
    private readonly InstantTimeProvider _time = new();

    private AwsClients Clients(int maxAttempts = 4) => new(
        MotoFixture.Settings(moto.Endpoint, new RetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8) })
            with { TimeProvider = _time },
        _interceptor);

    [Fact]
    public async Task DescribeTargetGroups_QueryThrottledTwice_SucceedsOnTheThirdAttempt()
    {
        // Arrange
        var arn = await moto.CreateTargetGroupAsync();
        using var clients = Clients();
        var throttled = 0;
        _interceptor.Respond = r => r.Operation == "DescribeTargetGroups" && throttled++ < 2 ? InterceptingHandler.QueryThrottling() : null;

        // Act
        var groups = await clients.LoadBalancing.DescribeTargetGroupsAsync([arn]);

        // Assert
        Assert.Equal(arn, Assert.Single(groups).Arn);
        Assert.Equal(3, _interceptor.Requests.Count(r => r.Operation == "DescribeTargetGroups"));
        Assert.Equal(2, _time.Delays.Count);
        Assert.All(_time.Delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(8)));
    }

    [Fact]
    public async Task ListStateMachines_JsonThrottledTwice_SucceedsOnTheThirdAttempt()
    {
        // Arrange
        using var clients = Clients();
        var throttled = 0;
        _interceptor.Respond = r => r.Operation == "ListStateMachines" && throttled++ < 2 ? InterceptingHandler.JsonThrottling() : null;

        // Act
        await clients.StepFunctions.ListStateMachinesAsync();

        // Assert
        Assert.Equal(3, _interceptor.Requests.Count(r => r.Operation == "ListStateMachines"));
    }

    [Fact]
    public async Task DescribeAlarms_AlwaysThrottled_ThrowsThrottledAfterMaxAttempts()
    {
        // Arrange
        using var clients = Clients(maxAttempts: 3);
        _interceptor.Respond = _ => InterceptingHandler.QueryThrottling();

        // Act
        var error = await Assert.ThrowsAsync<AwsThrottledException>(() => clients.CloudWatch.DescribeAlarmsAsync(["any"]));

        // Assert
        Assert.Equal(3, _interceptor.Requests.Count);
        Assert.Equal(("CloudWatch", "DescribeAlarms", "Throttling", "req-throttled"), (error.Service, error.Operation, error.Code, error.RequestId));
        Assert.Equal(("Rate exceeded", HttpStatusCode.BadRequest), (error.ErrorMessage, error.StatusCode));
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task ListStateMachines_ServiceUnavailableThenNetworkFailure_SucceedsOnTheThirdAttempt()
    {
        // Arrange
        using var clients = Clients();
        var attempt = 0;
        _interceptor.Respond = _ => ++attempt switch
        {
            1 => InterceptingHandler.Reply(HttpStatusCode.ServiceUnavailable, "", "text/plain"),
            2 => throw new HttpRequestException("connection reset"),
            _ => null,
        };

        // Act
        await clients.StepFunctions.ListStateMachinesAsync();

        // Assert
        Assert.Equal(3, _interceptor.Requests.Count);
    }

    [Fact]
    public async Task DescribeTargetHealth_NotFound_IsNotRetried()
    {
        // Arrange
        using var clients = Clients();

        // Act
        await Assert.ThrowsAsync<AwsNotFoundException>(() =>
            clients.LoadBalancing.DescribeTargetHealthAsync("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/gone/0123456789abcdef"));

        // Assert
        Assert.Single(_interceptor.Requests);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task Retry_EveryAttempt_IsSignedAfresh()
    {
        // Arrange: a retry must not replay a stale signature (it would fall outside the clock-skew window).
        using var clients = Clients();
        var throttled = 0;
        _interceptor.Respond = r => throttled++ < 1 ? InterceptingHandler.JsonThrottling() : null;

        // Act
        await clients.StepFunctions.ListStateMachinesAsync();

        // Assert
        Assert.All(_interceptor.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=test/", r.Authorization));
        Assert.All(_interceptor.Requests, r => Assert.Contains("/us-east-1/states/aws4_request", r.Authorization));
        Assert.Equal(2, _interceptor.Requests.Select(r => r.Message).Distinct().Count());
    }
}
