using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using BlueGreen.Aws;
using BlueGreen.Local;
using BlueGreen.Local.Sample;

namespace BlueGreen.Workflow.Tests.Support;

/// <summary>
/// A local cloud that fires what AWS fires: every AMI created in it announces itself, and the
/// template's rules start deployments, as in an account. Tests here never start executions
/// themselves; they make images and find the executions the rules started.
/// </summary>
public sealed class TriggerCloud : IAsyncLifetime
{
    public LocalCloud Cloud { get; private set; } = null!;

    public AwsClients Aws { get; private set; } = null!;

    public IAmazonEC2 Ec2 { get; private set; } = null!;

    public string StateMachineArn => Cloud.StateMachineArn(WorkflowCloud.StateMachine);

    public async Task InitializeAsync()
    {
        Cloud = await LocalCloud.StartAsync(new LocalCloudOptions { Port = 0, TimeScale = 0.01, RepositoryRoot = RepositoryRoot.Path, AmiStateEvents = true });
        Aws = new AwsClients(Cloud.ClientSettings);
        Ec2 = new AmazonEC2Client(Cloud.ClientSettings.Credentials, new AmazonEC2Config { ServiceURL = Cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
    }

    /// <summary>The sample application, seeded while the stack's rules are disabled (its AMIs would
    /// otherwise start deployments before its blue group exists). <see cref="AnnounceAsync"/> its new AMI to deploy it.</summary>
    public Task<SampleApplication> SeedSampleAsync(int capacity = 2, BlueLaunchSpec blueLaunchSpec = BlueLaunchSpec.LatestVersion) =>
        Cloud.SeedSampleAsync(new SampleOptions { Application = "app-" + Guid.NewGuid().ToString("N")[..8], Capacity = capacity, BlueLaunchSpec = blueLaunchSpec });

    /// <summary>Puts an AMI's <c>EC2 AMI State Change</c> (available) on the default bus, as EC2 does.</summary>
    public Task AnnounceAsync(string imageId) =>
        Aws.Events.PutEventsAsync([new BlueGreen.Aws.Events.BusEvent("aws.ec2", "EC2 AMI State Change",
            $$"""{"RequestId":"{{Guid.NewGuid()}}","ImageId":"{{imageId}}","State":"available","ErrorMessage":""}""", [$"arn:aws:ec2:us-east-1::image/{imageId}"])]);

    /// <summary>An AMI made as an image pipeline makes it: create-image from an instance, untagged.</summary>
    public async Task<string> CreateImageAsync()
    {
        var source = (await Ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["amazon"] })).Images[0].ImageId;
        var instance = (await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = source, MinCount = 1, MaxCount = 1 })).Reservation.Instances[0];
        return (await Ec2.CreateImageAsync(new CreateImageRequest { InstanceId = instance.InstanceId, Name = "pipeline-" + Guid.NewGuid().ToString("N")[..8] })).ImageId;
    }

    public Task TagImageAsync(string imageId, string application) =>
        Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [imageId], Tags = [new Tag("bluegreen:application", application)] });

    /// <summary>The executions whose input mentions <paramref name="text"/> (an AMI id, an image ARN), once
    /// <paramref name="count"/> of them exist and have all ended.</summary>
    public async Task<IReadOnlyList<ExecutionResult>> EndedExecutionsAsync(string text, int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        while (true)
        {
            var mine = await ExecutionsMentioningAsync(text);
            var results = new List<ExecutionResult>();
            foreach (var arn in mine)
            {
                results.Add(await Cloud.DescribeExecutionAsync(arn));
            }

            if (results.Count >= count && results.All(r => r.Status != "RUNNING"))
            {
                return results;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"{results.Count} executions for {text}: {string.Join(", ", results.Select(r => r.Status))}");
            await Task.Delay(100);
        }
    }

    public async Task<IReadOnlyList<string>> ExecutionsMentioningAsync(string text)
    {
        var listed = await Cloud.Raw.JsonAsync("states", "AWSStepFunctions", "ListExecutions", new { stateMachineArn = StateMachineArn, maxResults = 1000 });
        var arns = new List<string>();
        foreach (var arn in listed!["executions"]!.AsArray().Select(e => e!["executionArn"]!.GetValue<string>()))
        {
            var described = await Aws.StepFunctions.DescribeExecutionAsync(arn);
            if (described.Input?.Contains(text, StringComparison.Ordinal) == true)
            {
                arns.Add(arn);
            }
        }

        return arns;
    }

    public async Task<int> StatesEnteredAsync(string executionArn, string? state = null) =>
        (await Aws.StepFunctions.GetExecutionHistoryAsync(executionArn))
            .Count(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal) && (state is null || e.StateName == state));

    public static JsonNode Output(ExecutionResult result)
    {
        Assert.True(result.Status == "SUCCEEDED", $"{result.ExecutionArn}: {result.Status} {result.Error} {result.Cause}");
        return JsonNode.Parse(result.Output!)!;
    }

    /// <summary>The trigger paths' calls (Image Builder GetImage, AMI claims, announcements) are in the policies too.</summary>
    public Task DisposeAsync() => CloudTeardown.DisposeCheckedAsync(Cloud, Ec2, Aws);
}

[CollectionDefinition(Name)]
public sealed class TriggerCloudCollection : ICollectionFixture<TriggerCloud>
{
    public const string Name = "trigger cloud";
}
