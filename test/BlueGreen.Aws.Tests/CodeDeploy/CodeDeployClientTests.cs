using System.Text.Json.Nodes;
using BlueGreen.Aws.CodeDeploy;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.CodeDeploy;

[Collection(MotoCollection.Name)]
public sealed class CodeDeployClientTests(MotoFixture moto)
{
    private readonly ICodeDeploy _codeDeploy = moto.Clients.CodeDeploy;

    [Fact]
    public async Task GetDeploymentGroup_Seeded_ReturnsGroupsTagFiltersAndTargetGroups()
    {
        // Arrange
        var (application, group) = await CreateDeploymentGroupAsync();

        // Act
        var described = await _codeDeploy.GetDeploymentGroupAsync(application, group);

        // Assert
        Assert.Equal((application, group, "CodeDeployDefault.OneAtATime"), (described.ApplicationName, described.Name, described.DeploymentConfigName));
        Assert.Equal(["shop-green"], described.AutoScalingGroups);
        Assert.Equal([new Ec2TagFilter("bluegreen:color", "green", "KEY_AND_VALUE")], described.Ec2TagFilters);
        Assert.Equal(["shop-tg"], described.TargetGroupNames);
    }

    [Fact]
    public async Task CreateDeployment_S3Revision_IsReturnedByGetDeployment()
    {
        // Arrange
        var (application, group) = await CreateDeploymentGroupAsync();
        var revision = new DeploymentRevision(S3: new S3Revision("artifacts", "shop.zip", "zip"));

        // Act
        var id = await _codeDeploy.CreateDeploymentAsync(new NewDeployment(application, group, revision) { Description = "CVE-2026-1234" });
        var deployment = await _codeDeploy.GetDeploymentAsync(id);

        // Assert
        Assert.Equal((id, application, group), (deployment.Id, deployment.ApplicationName, deployment.DeploymentGroupName));
        Assert.Equal(DeploymentStatus.Created, deployment.Status);
        Assert.NotNull(deployment.CreatedAt);
        Assert.Null(deployment.ErrorCode);
    }

    [Fact]
    public async Task GetDeployment_Missing_ThrowsNotFound()
    {
        // Act
        var error = await Assert.ThrowsAsync<AwsNotFoundException>(() => _codeDeploy.GetDeploymentAsync("d-MISSING00"));

        // Assert
        Assert.Equal(("CodeDeploy", "GetDeployment", "DeploymentDoesNotExistException"), (error.Service, error.Operation, error.Code));
    }

    [Fact]
    public async Task GetDeploymentGroup_MissingApplication_ThrowsNotFound()
    {
        // Act
        var error = await Assert.ThrowsAsync<AwsNotFoundException>(() => _codeDeploy.GetDeploymentGroupAsync("no-such-app", "green"));

        // Assert
        Assert.Equal("ApplicationDoesNotExistException", error.Code);
    }

    [Fact]
    public async Task StopDeployment_OnMoto_SurfacesTypedErrorForTheMissingOperation()
    {
        // Arrange: moto 5.2.1 has no StopDeployment (the local gateway emulates it).
        var (application, group) = await CreateDeploymentGroupAsync();
        var id = await _codeDeploy.CreateDeploymentAsync(new NewDeployment(application, group, new DeploymentRevision(S3: new S3Revision("b", "k.zip", "zip"))));

        // Act
        var error = await Assert.ThrowsAsync<AwsServiceUnavailableException>(() => _codeDeploy.StopDeploymentAsync(id));

        // Assert: moto answers an HTML 500 page, read as a transient server failure like any 5xx.
        Assert.Equal(("StopDeployment", "Http500"), (error.Operation, error.Code));
    }

    [Fact]
    public async Task ListDeploymentInstances_OnMoto_SurfacesTypedErrorForTheMissingOperation()
    {
        // Arrange: moto 5.2.1 has no ListDeploymentInstances (the local gateway emulates it).
        var (application, group) = await CreateDeploymentGroupAsync();
        var id = await _codeDeploy.CreateDeploymentAsync(new NewDeployment(application, group, new DeploymentRevision(S3: new S3Revision("b", "k.zip", "zip"))));

        // Act
        var error = await Assert.ThrowsAsync<AwsServiceUnavailableException>(() => _codeDeploy.ListDeploymentInstancesAsync(id));

        // Assert
        Assert.Equal(("ListDeploymentInstances", "Http500"), (error.Operation, error.Code));
    }

    [Fact]
    public async Task GetDeployment_CreatedWithDescription_ReturnsDescription()
    {
        // Arrange
        var (application, group) = await CreateDeploymentGroupAsync();
        var id = await CreateDeploymentAsync(application, group, "bluegreen deployment 7f3c");

        // Act
        var deployment = await _codeDeploy.GetDeploymentAsync(id);

        // Assert
        Assert.Equal("bluegreen deployment 7f3c", deployment.Description);
    }

    [Fact]
    public async Task GetDeployment_CreatedWithoutDescription_ReturnsNullDescription()
    {
        // Arrange
        var (application, group) = await CreateDeploymentGroupAsync();
        var id = await CreateDeploymentAsync(application, group, description: null);

        // Act
        var deployment = await _codeDeploy.GetDeploymentAsync(id);

        // Assert
        Assert.Null(deployment.Description);
    }

    [Fact]
    public async Task CreateDeploymentGroup_TagFilter_GetDeploymentGroupReturnsIt()
    {
        // Arrange
        var (application, _) = await CreateDeploymentGroupAsync();

        // Act
        var group = await CreateSecondGroupAsync(application);

        // Assert
        var created = await _codeDeploy.GetDeploymentGroupAsync(application, group);
        Assert.Equal([new Ec2TagFilter("bluegreen:color", "blue", "KEY_AND_VALUE")], created.Ec2TagFilters);
        Assert.Equal("arn:aws:iam::123456789012:role/codedeploy", created.ServiceRoleArn);
    }

    [Fact]
    public async Task ListDeployments_TwoGroups_ReturnsOnlyTheNamedGroupsDeployments()
    {
        // Arrange
        var (application, group) = await CreateDeploymentGroupAsync();
        var other = await CreateSecondGroupAsync(application);
        var first = await CreateDeploymentAsync(application, group);
        var second = await CreateDeploymentAsync(application, group);
        await CreateDeploymentAsync(application, other);

        // Act
        var ids = await _codeDeploy.ListDeploymentsAsync(application, group);

        // Assert
        Assert.Equal(new[] { first, second }.Order(), ids.Order());
    }

    [Fact]
    public async Task ListDeployments_NoDeployments_ReturnsEmpty()
    {
        // Arrange
        var (application, group) = await CreateDeploymentGroupAsync();

        // Act
        var ids = await _codeDeploy.ListDeploymentsAsync(application, group);

        // Assert
        Assert.Empty(ids);
    }

    [Fact]
    public async Task ListDeployments_StatusFilter_ReturnsOnlyDeploymentsInThoseStatuses()
    {
        // Arrange: moto leaves every deployment Created, and honours includeOnlyStatuses.
        var (application, group) = await CreateDeploymentGroupAsync();
        var id = await CreateDeploymentAsync(application, group);

        // Act
        var created = await _codeDeploy.ListDeploymentsAsync(application, group, [DeploymentStatus.Created, DeploymentStatus.InProgress]);
        var running = await _codeDeploy.ListDeploymentsAsync(application, group, [DeploymentStatus.Queued, DeploymentStatus.InProgress, DeploymentStatus.Ready]);

        // Assert
        Assert.Equal([id], created);
        Assert.Empty(running);
    }

    [Fact]
    public async Task ListDeployments_CreatedFromAndStatuses_SendsCreateTimeRangeStartInEpochSeconds()
    {
        // Arrange: moto 5.2.1 ignores createTimeRange, so check what goes on the wire.
        var recorder = new InterceptingHandler();
        using var clients = new AwsClients(MotoFixture.Settings(moto.Endpoint), recorder);
        var (application, group) = await CreateDeploymentGroupAsync();
        var createdFrom = new DateTimeOffset(2026, 11, 27, 14, 0, 0, 250, TimeSpan.Zero);

        // Act
        await clients.CodeDeploy.ListDeploymentsAsync(application, group, [DeploymentStatus.InProgress, DeploymentStatus.Succeeded], createdFrom);

        // Assert
        var request = Assert.Single(recorder.Requests);
        Assert.Equal("ListDeployments", request.Operation);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal((application, group), (body["applicationName"]!.GetValue<string>(), body["deploymentGroupName"]!.GetValue<string>()));
        Assert.Equal(["InProgress", "Succeeded"], body["includeOnlyStatuses"]!.AsArray().Select(s => s!.GetValue<string>()));
        var range = body["createTimeRange"]!.AsObject();
        Assert.Equal(createdFrom.ToUnixTimeSeconds() + 0.25, range["start"]!.GetValue<double>());
        Assert.False(range.ContainsKey("end"));
    }

    [Fact]
    public async Task ListDeployments_NoFilters_SendsNeitherStatusesNorTimeRange()
    {
        // Arrange
        var recorder = new InterceptingHandler();
        using var clients = new AwsClients(MotoFixture.Settings(moto.Endpoint), recorder);
        var (application, group) = await CreateDeploymentGroupAsync();

        // Act
        await clients.CodeDeploy.ListDeploymentsAsync(application, group, statuses: []);

        // Assert
        var body = JsonNode.Parse(Assert.Single(recorder.Requests).Body)!.AsObject();
        Assert.Equal(["applicationName", "deploymentGroupName"], body.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task ListDeployments_SecondPage_FollowsNextTokenAndJoinsPages()
    {
        // Arrange: moto 5.2.1 never pages ListDeployments, so the first page is answered here.
        var (application, group) = await CreateDeploymentGroupAsync();
        var id = await CreateDeploymentAsync(application, group);
        var recorder = new InterceptingHandler();
        recorder.Respond = r => r.Operation == "ListDeployments" && !r.Body.Contains("nextToken", StringComparison.Ordinal)
            ? InterceptingHandler.Reply(System.Net.HttpStatusCode.OK, """{"deployments":["d-PAGEONE01"],"nextToken":"page-2"}""", "application/x-amz-json-1.1")
            : null;
        using var clients = new AwsClients(MotoFixture.Settings(moto.Endpoint), recorder);

        // Act
        var ids = await clients.CodeDeploy.ListDeploymentsAsync(application, group);

        // Assert
        Assert.Equal(["d-PAGEONE01", id], ids);
        Assert.Equal(2, recorder.Requests.Count);
        Assert.Equal("page-2", JsonNode.Parse(recorder.Requests[1].Body)!["nextToken"]!.GetValue<string>());
    }

    private async Task<string> CreateDeploymentAsync(string application, string group, string? description = null) =>
        await _codeDeploy.CreateDeploymentAsync(
            new NewDeployment(application, group, new DeploymentRevision(S3: new S3Revision("artifacts", "shop.zip", "zip"))) { Description = description });

    private async Task<string> CreateSecondGroupAsync(string application)
    {
        const string group = "blue";
        await _codeDeploy.CreateDeploymentGroupAsync(application, group, "arn:aws:iam::123456789012:role/codedeploy", [new Ec2TagFilter("bluegreen:color", "blue", "KEY_AND_VALUE")]);
        return group;
    }

    private async Task<(string Application, string Group)> CreateDeploymentGroupAsync()
    {
        var application = Unique.Name("app");
        const string group = "green";
        await _codeDeploy.CreateApplicationAsync(application);
        await moto.Raw.JsonAsync("codedeploy", "CodeDeploy_20141006", "CreateDeploymentGroup", new JsonObject
        {
            ["applicationName"] = application,
            ["deploymentGroupName"] = group,
            ["serviceRoleArn"] = "arn:aws:iam::123456789012:role/codedeploy",
            ["deploymentConfigName"] = "CodeDeployDefault.OneAtATime",
            ["autoScalingGroups"] = new JsonArray("shop-green"),
            ["ec2TagFilters"] = new JsonArray(new JsonObject { ["Key"] = "bluegreen:color", ["Value"] = "green", ["Type"] = "KEY_AND_VALUE" }),
            ["loadBalancerInfo"] = new JsonObject { ["targetGroupInfoList"] = new JsonArray(new JsonObject { ["name"] = "shop-tg" }) },
        }.ToJsonString());
        return (application, group);
    }
}
