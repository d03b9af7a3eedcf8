using System.Text.Json.Nodes;
using BlueGreen.Aws.CodeDeploy;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.CodeDeploy;

/// <summary>Our CodeDeploy parsers against JSON 1.1 generated from botocore's output shapes:
/// epoch-second timestamps, every member present (pages joined by nextToken), or only what the model requires.</summary>
public sealed class CodeDeployResponseTests
{
    [Fact]
    public async Task GetDeploymentGroup_EveryMember_ReadsEach()
    {
        var documents = await WireDocuments.GenerateAsync(
            WireAsk.Full("codedeploy", "GetDeploymentGroup"),
            WireAsk.Sparse("codedeploy", "GetDeploymentGroup", "deploymentGroupInfo", "applicationName", "deploymentGroupName"));
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;

        var full = await clients.CodeDeploy.GetDeploymentGroupAsync("shop", "shop-group");
        var sparse = await clients.CodeDeploy.GetDeploymentGroupAsync("shop", "shop-group");

        var doc = documents[0];
        const string g = "deploymentGroupInfo";
        Assert.Equal((doc.Text($"{g}.applicationName"), doc.Text($"{g}.deploymentGroupName"), doc.Text($"{g}.deploymentGroupId"), doc.Text($"{g}.serviceRoleArn"), doc.Text($"{g}.deploymentConfigName")),
            (full.ApplicationName, full.Name, full.Id, full.ServiceRoleArn, full.DeploymentConfigName));
        Assert.Equal([doc.Text($"{g}.autoScalingGroups.0.name"), doc.Text($"{g}.autoScalingGroups.1.name")], full.AutoScalingGroups);
        Assert.Equal(new Ec2TagFilter(doc.Text($"{g}.ec2TagFilters.1.Key"), doc.Text($"{g}.ec2TagFilters.1.Value"), doc.Text($"{g}.ec2TagFilters.1.Type")), full.Ec2TagFilters[1]);
        Assert.Equal([doc.Text($"{g}.loadBalancerInfo.targetGroupInfoList.0.name"), doc.Text($"{g}.loadBalancerInfo.targetGroupInfoList.1.name")], full.TargetGroupNames);
        Assert.Equal((null, null, null), (sparse.Id, sparse.ServiceRoleArn, sparse.DeploymentConfigName));
        Assert.Empty(sparse.AutoScalingGroups);
        Assert.Empty(sparse.Ec2TagFilters);
        Assert.Empty(sparse.TargetGroupNames);
    }

    [Fact]
    public async Task CreateDeployment_EveryMember_ReadsTheDeploymentId()
    {
        var documents = await WireDocuments.GenerateAsync(WireAsk.Full("codedeploy", "CreateDeployment"));
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;

        var id = await clients.CodeDeploy.CreateDeploymentAsync(new NewDeployment("shop", "shop-group", new DeploymentRevision { S3 = new S3Revision("bucket", "key", "zip") }));

        Assert.Equal(documents[0].Text("deploymentId"), id);
    }

    [Theory]
    [InlineData("Created", DeploymentStatus.Created)]
    [InlineData("Baking", DeploymentStatus.Baking)]
    [InlineData("Ready", DeploymentStatus.Ready)]
    public async Task GetDeployment_EveryMember_ReadsEachAndEveryStatus(string status, DeploymentStatus expected)
    {
        var documents = await WireDocuments.GenerateAsync(
            new WireAsk("codedeploy", "GetDeployment", Set: new Dictionary<string, JsonNode?> { ["deploymentInfo.status"] = status }),
            WireAsk.Sparse("codedeploy", "GetDeployment", "deploymentInfo", "deploymentId", "applicationName", "deploymentGroupName", "status"));
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;

        var full = await clients.CodeDeploy.GetDeploymentAsync("d-1");
        var sparse = await clients.CodeDeploy.GetDeploymentAsync("d-1");

        var doc = documents[0];
        const string d = "deploymentInfo";
        Assert.Equal(
            new CodeDeployDeployment(doc.Text($"{d}.deploymentId"), doc.Text($"{d}.applicationName"), doc.Text($"{d}.deploymentGroupName"), expected,
                doc.Text($"{d}.errorInformation.code"), doc.Text($"{d}.errorInformation.message"), doc.Time($"{d}.createTime"), doc.Time($"{d}.completeTime"),
                new DeploymentOverview((long)doc[$"{d}.deploymentOverview.Pending"]!, (long)doc[$"{d}.deploymentOverview.InProgress"]!, (long)doc[$"{d}.deploymentOverview.Succeeded"]!,
                    (long)doc[$"{d}.deploymentOverview.Failed"]!, (long)doc[$"{d}.deploymentOverview.Skipped"]!, (long)doc[$"{d}.deploymentOverview.Ready"]!))
            {
                Description = doc.Text($"{d}.description"),
            },
            full);
        Assert.Equal((null, null, null, null, new DeploymentOverview(0, 0, 0, 0, 0, 0), null), (sparse.ErrorCode, sparse.ErrorMessage, sparse.CreatedAt, sparse.CompletedAt, sparse.Overview, sparse.Description));
    }

    [Fact]
    public async Task ListDeploymentsAndInstances_TwoPages_FollowNextTokenAndJoinThePages()
    {
        var documents = await WireDocuments.GenerateAsync(
            WireAsk.Full("codedeploy", "ListDeployments", lastPage: false), WireAsk.Sparse("codedeploy", "ListDeployments", "deployments"),
            WireAsk.Full("codedeploy", "ListDeploymentInstances", lastPage: false), WireAsk.Sparse("codedeploy", "ListDeploymentInstances"));
        var (clients, requests) = WireDocuments.Answering(documents);
        using var _ = clients;

        var deployments = await clients.CodeDeploy.ListDeploymentsAsync("shop", "shop-group");
        var instances = await clients.CodeDeploy.ListDeploymentInstancesAsync("d-1");

        Assert.Equal([documents[0].Text("deployments.0"), documents[0].Text("deployments.1"), documents[1].Text("deployments.0"), documents[1].Text("deployments.1")], deployments);
        Assert.Contains(documents[0].Text("nextToken"), requests.Requests[1].Body);
        Assert.Equal([documents[2].Text("instancesList.0"), documents[2].Text("instancesList.1")], instances);
        Assert.Contains(documents[2].Text("nextToken"), requests.Requests[3].Body);
    }
}
