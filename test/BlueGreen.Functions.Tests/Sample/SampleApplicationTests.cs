using BlueGreen.Functions.Tests.Support;

namespace BlueGreen.Functions.Tests.Sample;

/// <summary>The seeded application is what the workflow tests and the demo start from: check it once.</summary>
[Collection(FunctionsCloudCollection.Name)]
public sealed class SampleApplicationTests(FunctionsCloud cloud)
{
    [Fact]
    public async Task SeedAsync_Defaults_BlueServesBehindTheTargetGroupAndTheNewImageIsTagged()
    {
        var sample = await cloud.SeedSampleAsync(capacity: 3);

        var blue = Assert.Single(await cloud.Aws.AutoScaling.DescribeAutoScalingGroupsAsync([sample.BlueGroup]));
        Assert.Equal(3, blue.DesiredCapacity);
        Assert.Equal([sample.TargetGroupArn], blue.TargetGroupArns);
        var health = await cloud.Aws.LoadBalancing.DescribeTargetHealthAsync(sample.TargetGroupArn);
        Assert.Equal(3, health.Count(t => t.State == "healthy"));
        var image = Assert.Single(await cloud.Aws.Ec2.DescribeImagesAsync(new() { ImageIds = [sample.NewImageId] }));
        Assert.Equal(sample.Application, image.Tags["bluegreen:application"]);
        Assert.NotNull(await cloud.Aws.Parameters.GetParameterAsync(sample.SettingsParameter));
    }
}
