using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using BlueGreen.Aws.DynamoDb;
using BlueGreen.Aws.Errors;

namespace BlueGreen.Aws.Tests.DynamoDb;

public sealed class DynamoDbCallsTests
{
    [Theory]
    [InlineData("ProvisionedThroughputExceededException", HttpStatusCode.BadRequest)]
    [InlineData("ThrottlingException", HttpStatusCode.BadRequest)]
    [InlineData("RequestLimitExceeded", HttpStatusCode.BadRequest)]
    public async Task RunAsync_Throttled_ThrottledAndTransient(string code, HttpStatusCode status)
    {
        var error = await Assert.ThrowsAsync<AwsThrottledException>(() => Fail(code, status));

        Assert.True(error.IsTransient);
        Assert.Equal(("DynamoDB", "PutItem", code), (error.Service, error.Operation, error.Code));
    }

    [Theory]
    [InlineData("InternalServerError", HttpStatusCode.InternalServerError)]
    [InlineData(null, HttpStatusCode.ServiceUnavailable)]
    public async Task RunAsync_ServerError_UnavailableAndTransient(string? code, HttpStatusCode status)
    {
        var error = await Assert.ThrowsAsync<AwsServiceUnavailableException>(() => Fail(code, status));

        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task RunAsync_AccessDenied_NotTransient()
    {
        var error = await Assert.ThrowsAsync<AwsAccessDeniedException>(() => Fail("AccessDeniedException", HttpStatusCode.BadRequest));

        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task RunAsync_ConditionFailed_PassesThroughForTheCallerToBranchOn() =>
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => DynamoDbCalls.RunAsync<int>("DeleteItem", () =>
            throw new ConditionalCheckFailedException("The conditional request failed") { ErrorCode = "ConditionalCheckFailedException", StatusCode = HttpStatusCode.BadRequest }));

    private static Task<int> Fail(string? code, HttpStatusCode status) =>
        DynamoDbCalls.RunAsync<int>("PutItem", () =>
            throw new AmazonServiceException($"{code ?? "no code"} (injected)") { ErrorCode = code, StatusCode = status });
}
