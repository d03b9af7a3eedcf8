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

    private async Task<(string Application, string Group)> CreateDeploymentGroupAsync()
    {
        var application = Unique.Name("app");
        const string group = "green";
        await moto.Raw.JsonAsync("codedeploy", "CodeDeploy_20141006.CreateApplication", "1.1",
            new JsonObject { ["applicationName"] = application, ["computePlatform"] = "Server" }.ToJsonString());
        await moto.Raw.JsonAsync("codedeploy", "CodeDeploy_20141006.CreateDeploymentGroup", "1.1", new JsonObject
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
