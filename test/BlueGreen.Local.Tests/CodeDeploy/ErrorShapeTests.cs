using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlueGreen.Local.Tests.CodeDeploy;

public sealed class ErrorShapeTests
{
    private readonly EmulatorHarness _cloud = new();

    public static TheoryData<string, string> InvalidCreates => new()
    {
        { """{"deploymentGroupName":"shop-green","revision":{"revisionType":"S3"}}""", "ApplicationNameRequiredException" },
        { """{"applicationName":"","deploymentGroupName":"shop-green","revision":{"revisionType":"S3"}}""", "ApplicationNameRequiredException" },
        { """{"applicationName":"shop","revision":{"revisionType":"S3"}}""", "DeploymentGroupNameRequiredException" },
        { """{"applicationName":"shop","deploymentGroupName":"shop-green"}""", "RevisionRequiredException" },
        { """{"applicationName":"nope","deploymentGroupName":"shop-green","revision":{"revisionType":"S3"}}""", "ApplicationDoesNotExistException" },
        { """{"applicationName":"shop","deploymentGroupName":"nope","revision":{"revisionType":"S3"}}""", "DeploymentGroupDoesNotExistException" },
        { """{"applicationName":42,"deploymentGroupName":"shop-green","revision":{"revisionType":"S3"}}""", "SerializationException" },
        { """{"applicationName":"shop","deploymentGroupName":"shop-green","revision":"S3"}""", "SerializationException" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task CreateDeployment_InvalidRequest_ReturnsAwsError(string request, string expected)
    {
        var error = await _cloud.ErrorAsync("CreateDeployment", JsonNode.Parse(request)!.AsObject());

        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("GetDeployment")]
    [InlineData("StopDeployment")]
    [InlineData("ListDeploymentInstances")]
    public async Task DeploymentOperation_UnknownId_IsDeploymentDoesNotExist(string operation)
    {
        var (status, body) = await _cloud.CallAsync(operation, new JsonObject { ["deploymentId"] = "d-UNKNOWN00" });

        Assert.Equal(400, status);
        Assert.Equal("DeploymentDoesNotExistException", body["__type"]!.GetValue<string>());
        Assert.Equal("The deployment d-UNKNOWN00 does not exist with the user or AWS account.", body["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GetDeployment")]
    [InlineData("StopDeployment")]
    [InlineData("ListDeploymentInstances")]
    [InlineData("BatchGetDeployments")]
    public async Task DeploymentOperation_NoId_IsDeploymentIdRequired(string operation)
    {
        var error = await _cloud.ErrorAsync(operation, new JsonObject());

        Assert.Equal("DeploymentIdRequiredException", error);
    }

    [Fact]
    public async Task HandleAsync_BodyNotAnObject_IsSerializationException()
    {
        using var document = JsonDocument.Parse("[]");

        var response = await _cloud.Emulator.HandleAsync("GetDeployment", document, CancellationToken.None);

        Assert.Equal(400, response!.StatusCode);
        Assert.Equal("SerializationException", JsonNode.Parse(response.Body)!["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetDeployment_FromAnotherRegion_IsDeploymentDoesNotExist()
    {
        var id = await _cloud.CreateAsync();
        using var document = JsonDocument.Parse(new JsonObject { ["deploymentId"] = id }.ToJsonString());

        var response = await _cloud.Emulator.HandleAsync("GetDeployment", document, "eu-west-1", CancellationToken.None);

        Assert.Equal(400, response!.StatusCode);
        Assert.Contains("DeploymentDoesNotExistException", response.Body);
    }

    [Theory]
    [InlineData("CreateApplication")]
    [InlineData("GetApplication")]
    [InlineData("CreateDeploymentGroup")]
    [InlineData("GetDeploymentGroup")]
    [InlineData("ListApplications")]
    [InlineData("ListDeploymentGroups")]
    [InlineData("TagResource")]
    public async Task HandleAsync_OperationNotOwned_ReturnsNullForMoto(string operation)
    {
        using var document = JsonDocument.Parse("""{"applicationName":"shop"}""");

        var response = await _cloud.Emulator.HandleAsync(operation, document, CancellationToken.None);

        Assert.Null(response);
    }
}
