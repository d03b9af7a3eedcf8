using System.Text.Json.Nodes;
using Amazon.EC2.Model;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>ami-state-events: EC2 announces an AMI made by CreateImage, CopyImage or RegisterImage
/// with "EC2 AMI State Change" (State available) on the default bus, which the template's AMI rule
/// deploys from; moto announced nothing.</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class AmiStateEventsWorkaroundTests(MotoPool pool)
{
    private const string SourceImage = "ami-12c6146b";

    [Fact]
    public async Task CreateImage_WithWorkaround_RuleTargetReceivesAvailableStateChange()
    {
        var sfn = await pool.WithAllAsync();
        using var aws = new MotoSdkClients(sfn.Client.Endpoint);
        var queue = await WatchAmiStateChangesAsync(sfn);
        var instance = (await aws.Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = SourceImage, MinCount = 1, MaxCount = 1 })).Reservation.Instances[0].InstanceId;

        var image = (await aws.Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = instance, Name = Unique("created") })).ImageId;

        AssertAvailableStateChange(image, await ReceiveForAsync(sfn, queue, image));
    }

    [Fact]
    public async Task CopyImage_WithWorkaround_RuleTargetReceivesAvailableStateChange()
    {
        var sfn = await pool.WithAllAsync();
        using var aws = new MotoSdkClients(sfn.Client.Endpoint);
        var queue = await WatchAmiStateChangesAsync(sfn);

        var image = (await aws.Ec2.CopyImageAsync(new CopyImageRequest { SourceImageId = SourceImage, SourceRegion = "us-east-1", Name = Unique("copied") })).ImageId;

        AssertAvailableStateChange(image, await ReceiveForAsync(sfn, queue, image));
    }

    [Fact]
    public async Task RegisterImage_WithWorkaround_RuleTargetReceivesAvailableStateChange()
    {
        var sfn = await pool.WithAllAsync();
        using var aws = new MotoSdkClients(sfn.Client.Endpoint);
        var queue = await WatchAmiStateChangesAsync(sfn);

        var image = (await aws.Ec2.RegisterImageAsync(new RegisterImageRequest { Name = Unique("registered"), RootDeviceName = "/dev/xvda" })).ImageId;

        AssertAvailableStateChange(image, await ReceiveForAsync(sfn, queue, image));
    }

    [Fact]
    public async Task RegisterImage_WithoutWorkaround_PutsNothingOnTheBus()
    {
        var sfn = await pool.WithoutAsync("ami-state-events");
        using var aws = new MotoSdkClients(sfn.Client.Endpoint);
        var queue = await WatchAmiStateChangesAsync(sfn);

        await aws.Ec2.RegisterImageAsync(new RegisterImageRequest { Name = Unique("registered"), RootDeviceName = "/dev/xvda" });

        Assert.Empty(await sfn.ReceiveAsync(queue));
    }

    private static void AssertAvailableStateChange(string image, IReadOnlyList<JsonNode> received)
    {
        var change = Assert.Single(received);
        Assert.Equal("aws.ec2", change["source"]!.GetValue<string>());
        Assert.Equal("EC2 AMI State Change", change["detail-type"]!.GetValue<string>());
        Assert.Equal([$"arn:aws:ec2:us-east-1::image/{image}"], change["resources"]!.AsArray().Select(r => r!.GetValue<string>()));
        var detail = change["detail"]!.AsObject();
        Assert.Equal(["RequestId", "ImageId", "State", "ErrorMessage"], detail.Select(p => p.Key));
        Assert.True(Guid.TryParse(detail["RequestId"]!.GetValue<string>(), out _));
        Assert.Equal(image, detail["ImageId"]!.GetValue<string>());
        Assert.Equal("available", detail["State"]!.GetValue<string>());
        Assert.Equal("", detail["ErrorMessage"]!.GetValue<string>());
    }

    /// <summary>A rule sending every AMI state change to a new queue; returns the queue URL.</summary>
    private static async Task<string> WatchAmiStateChangesAsync(StepFunctionsDriver sfn)
    {
        var name = $"ami-{Guid.NewGuid():N}";
        var url = (await sfn.Client.CallJsonAsync("sqs", "AmazonSQS.CreateQueue", new JsonObject { ["QueueName"] = name })).Ok()["QueueUrl"]!.GetValue<string>();
        await sfn.PutRuleAsync(
            name,
            new JsonObject { ["source"] = new JsonArray("aws.ec2"), ["detail-type"] = new JsonArray("EC2 AMI State Change") },
            new JsonObject { ["Id"] = "queue", ["Arn"] = $"arn:aws:sqs:us-east-1:123456789012:{name}" });
        return url;
    }

    /// <summary>The state changes of <paramref name="image"/> (other tests' AMIs share the bus), once
    /// one has arrived, then whatever follows within a second.</summary>
    private static async Task<List<JsonNode>> ReceiveForAsync(StepFunctionsDriver sfn, string queue, string image)
    {
        var received = new List<JsonNode>();
        for (var attempt = 0; attempt < 6 && (received.Count == 0 || attempt < 2); attempt++)
        {
            received.AddRange((await sfn.ReceiveAsync(queue)).Where(e => e["detail"]?["ImageId"]?.GetValue<string>() == image));
        }

        return received;
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
