using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Ec2;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Tests.Support;
using SdkModel = Amazon.EC2.Model;

namespace BlueGreen.Aws.Tests.Ec2;

[Collection(MotoCollection.Name)]
public sealed class Ec2ClientTests(MotoFixture moto)
{
    private readonly IEc2 _ec2 = moto.Clients.Ec2;

    [Fact]
    public async Task DescribeImages_ByTagOwnerAndState_ReturnsOnlyTheTaggedImage()
    {
        // Arrange
        var application = Unique.Name("app");
        var tagged = await moto.RegisterImageAsync(new Dictionary<string, string> { ["bluegreen:application"] = application });
        await moto.RegisterImageAsync(new Dictionary<string, string> { ["bluegreen:application"] = "other" });

        // Act
        var images = await _ec2.DescribeImagesAsync(new ImageQuery
        {
            Owners = ["self"],
            State = "available",
            Tags = new Dictionary<string, string> { ["bluegreen:application"] = application },
        });

        // Assert
        var image = Assert.Single(images);
        Assert.Equal((tagged, "available"), (image.ImageId, image.State));
        Assert.Equal(application, image.Tags["bluegreen:application"]);
        Assert.False(string.IsNullOrEmpty(image.OwnerId));
    }

    [Fact]
    public async Task DescribeDefaultSubnets_DefaultVpc_OneSubnetPerZoneInOneVpc()
    {
        // Act
        var subnets = await _ec2.DescribeDefaultSubnetsAsync();

        // Assert
        Assert.Contains(subnets, s => s.Id == moto.DefaultSubnetIds[0]);
        Assert.Equal(subnets.Count, subnets.Select(s => s.AvailabilityZone).Distinct().Count());
        Assert.Equal([moto.DefaultVpcId], subnets.Select(s => s.VpcId).Distinct());
    }

    [Fact]
    public async Task DescribeImages_MissingImageId_ReturnsNothing()
    {
        // Act
        var images = await _ec2.DescribeImagesAsync(new ImageQuery { ImageIds = ["ami-00000000000000000"] });

        // Assert
        Assert.Empty(images);
    }

    [Fact]
    public async Task DescribeImages_IdWithOwnersThatDoNotOwnIt_ReturnsNothing()
    {
        // Arrange
        var foreign = (await _ec2.DescribeImagesAsync(new ImageQuery { Owners = ["amazon"] }))[0];

        // Act
        var asSelf = await _ec2.DescribeImagesAsync(new ImageQuery { ImageIds = [foreign.ImageId], Owners = ["self"] });
        var asAmazon = await _ec2.DescribeImagesAsync(new ImageQuery { ImageIds = [foreign.ImageId], Owners = ["amazon"] });

        // Assert
        Assert.Empty(asSelf);
        Assert.Equal(foreign.ImageId, Assert.Single(asAmazon).ImageId);
    }

    [Fact]
    public async Task DescribeInstances_MissingInstanceId_ThrowsNotFound()
    {
        // Act
        var error = await Assert.ThrowsAsync<AwsNotFoundException>(() => _ec2.DescribeInstancesAsync(["i-00000000000000000"]));

        // Assert
        Assert.Equal(("EC2", "DescribeInstances", "InvalidInstanceID.NotFound"), (error.Service, error.Operation, error.Code));
    }

    [Fact]
    public async Task CreateLaunchTemplate_WithTags_IsDescribedByName()
    {
        // Arrange
        var name = Unique.Name("lt");
        var data = new LaunchTemplateData { ImageId = "ami-12c6146b", InstanceType = "t3.small", KeyName = "ops", SecurityGroupIds = ["sg-1"] };

        // Act
        var created = await _ec2.CreateLaunchTemplateAsync(name, data, new Dictionary<string, string> { ["bluegreen:application"] = "shop" });
        var described = await _ec2.DescribeLaunchTemplatesAsync([name, "no-such-template"]);

        // Assert
        Assert.Equal((name, 1L, 1L), (created.Name, created.DefaultVersion, created.LatestVersion));
        Assert.Equal(created.Id, Assert.Single(described).Id);
        Assert.Equal("shop", described[0].Tags["bluegreen:application"]);
        var version = Assert.Single(await _ec2.DescribeLaunchTemplateVersionsAsync(new LaunchTemplateReference(Name: name), ["$Default"]));
        Assert.Equal(("ami-12c6146b", "t3.small", "ops"), (version.Data.ImageId, version.Data.InstanceType, version.Data.KeyName));
        Assert.Equal(["sg-1"], version.Data.SecurityGroupIds);
    }

    [Fact]
    public async Task CreateLaunchTemplateFromVersion_RichSource_CopiesEveryMemberWithTheNewImage()
    {
        // Arrange: members BlueGreen's own LaunchTemplateData does not model, which a copy must keep.
        var source = await moto.Ec2Sdk.CreateLaunchTemplateAsync(new SdkModel.CreateLaunchTemplateRequest
        {
            LaunchTemplateName = Unique.Name("rich"),
            LaunchTemplateData = new SdkModel.RequestLaunchTemplateData
            {
                ImageId = "ami-12c6146b",
                InstanceType = Amazon.EC2.InstanceType.T3Small,
                BlockDeviceMappings = [new SdkModel.LaunchTemplateBlockDeviceMappingRequest { DeviceName = "/dev/xvda", Ebs = new SdkModel.LaunchTemplateEbsBlockDeviceRequest { VolumeSize = 40, VolumeType = Amazon.EC2.VolumeType.Gp3, Encrypted = true } }],
                MetadataOptions = new SdkModel.LaunchTemplateInstanceMetadataOptionsRequest { HttpTokens = Amazon.EC2.LaunchTemplateHttpTokensState.Required, HttpPutResponseHopLimit = 2 },
                TagSpecifications = [new SdkModel.LaunchTemplateTagSpecificationRequest { ResourceType = Amazon.EC2.ResourceType.Instance, Tags = [new SdkModel.Tag("team", "web")] }],
            },
        });
        var name = Unique.Name("green");

        // Act
        var created = await _ec2.CreateLaunchTemplateFromVersionAsync(
            name, new LaunchTemplateReference(source.LaunchTemplate.LaunchTemplateId), "1", "ami-0green000000000", new Dictionary<string, string> { ["bluegreen:deployment"] = "d1" }, "token-" + name);

        // Assert
        var copy = (await moto.Ec2Sdk.DescribeLaunchTemplateVersionsAsync(new SdkModel.DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = created.Id })).LaunchTemplateVersions.Single().LaunchTemplateData;
        Assert.Equal(("ami-0green000000000", "t3.small"), (copy.ImageId, copy.InstanceType.Value));
        var disk = Assert.Single(copy.BlockDeviceMappings);
        Assert.Equal(("/dev/xvda", 40, "gp3", true), (disk.DeviceName, disk.Ebs.VolumeSize, disk.Ebs.VolumeType.Value, disk.Ebs.Encrypted));
        Assert.Equal(("required", 2), (copy.MetadataOptions.HttpTokens.Value, copy.MetadataOptions.HttpPutResponseHopLimit));
        // moto also lists the template's own tags (resource type launch-template) among the data's; AWS does not.
        var instanceTags = Assert.Single(copy.TagSpecifications, t => t.ResourceType == Amazon.EC2.ResourceType.Instance).Tags;
        Assert.Equal(("team", "web"), (Assert.Single(instanceTags).Key, instanceTags[0].Value));
        Assert.Equal("d1", created.Tags["bluegreen:deployment"]);
        // The source is not written.
        Assert.Single(await _ec2.DescribeLaunchTemplateVersionsAsync(new LaunchTemplateReference(source.LaunchTemplate.LaunchTemplateId), []));
    }

    [Fact]
    public async Task DescribeLaunchTemplatesTagged_ByApplication_ReturnsOnlyItsTemplates()
    {
        // Arrange
        var application = Unique.Name("app");
        var mine = await _ec2.CreateLaunchTemplateAsync(Unique.Name("mine"), new LaunchTemplateData { ImageId = "ami-12c6146b" }, new Dictionary<string, string> { ["bluegreen:application"] = application });
        await _ec2.CreateLaunchTemplateAsync(Unique.Name("other"), new LaunchTemplateData { ImageId = "ami-12c6146b" }, new Dictionary<string, string> { ["bluegreen:application"] = "other" });

        // Act
        var found = await _ec2.DescribeLaunchTemplatesTaggedAsync("bluegreen:application", application);

        // Assert
        Assert.Equal(mine.Id, Assert.Single(found).Id);
    }

    [Fact]
    public async Task DescribeInstances_RunningInstances_ReturnsStateImageAndZone()
    {
        // Arrange
        var ids = await moto.RunInstancesAsync(2);

        // Act
        var instances = await _ec2.DescribeInstancesAsync(ids);

        // Assert
        Assert.Equal(ids.Order(), instances.Select(i => i.InstanceId).Order());
        Assert.All(instances, i => Assert.Equal(("running", "ami-12c6146b", "t3.micro"), (i.State, i.ImageId, i.InstanceType)));
        Assert.All(instances, i => Assert.False(string.IsNullOrEmpty(i.AvailabilityZone)));
    }

    [Fact]
    public async Task DescribeInstances_NoIds_ReturnsNothingRatherThanEveryInstance()
    {
        // Arrange
        await moto.RunInstancesAsync(1);

        // Act
        var instances = await _ec2.DescribeInstancesAsync([]);

        // Assert
        Assert.Empty(instances);
    }

    [Fact]
    public async Task CreateTags_RunningInstances_TagsAreDescribedOnEachInstance()
    {
        // Arrange
        var ids = await moto.RunInstancesAsync(2);
        var application = Unique.Name("app");

        // Act
        await _ec2.CreateTagsAsync(ids, new Dictionary<string, string> { ["bluegreen:color"] = "blue", ["bluegreen:application"] = application });

        // Assert
        var instances = await _ec2.DescribeInstancesAsync(ids);
        Assert.Equal(ids.Order(), instances.Select(i => i.InstanceId).Order());
        Assert.All(instances, i => Assert.Equal(("blue", application), (i.Tags["bluegreen:color"], i.Tags["bluegreen:application"])));
    }

    [Fact]
    public async Task CreateTags_ExistingKey_OverwritesValueAndKeepsOtherTags()
    {
        // Arrange: the instance carries the green color, as a green fleet does before promotion.
        var id = Assert.Single(await moto.RunInstancesAsync(1));
        await _ec2.CreateTagsAsync([id], new Dictionary<string, string> { ["bluegreen:color"] = "green", ["bluegreen:application"] = "shop" });

        // Act
        await _ec2.CreateTagsAsync([id], new Dictionary<string, string> { ["bluegreen:color"] = "blue" });

        // Assert
        var instance = Assert.Single(await _ec2.DescribeInstancesAsync([id]));
        Assert.Equal(("blue", "shop"), (instance.Tags["bluegreen:color"], instance.Tags["bluegreen:application"]));
    }

    [Fact]
    public async Task CreateTags_NoIds_MakesNoCall()
    {
        // Arrange: an empty Resources list is a MissingParameter on AWS, so the client must not send one.
        var recorder = new InterceptingHandler();
        using var clients = new AwsClients(MotoFixture.Settings(moto.Endpoint), recorder);

        // Act
        await clients.Ec2.CreateTagsAsync([], new Dictionary<string, string> { ["bluegreen:color"] = "blue" });

        // Assert
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task DeleteLaunchTemplate_Created_IsGoneAndItsNameIsFree()
    {
        // Arrange
        var template = await moto.CreateLaunchTemplateAsync();

        // Act
        await _ec2.DeleteLaunchTemplateAsync(template.Id);

        // Assert: gone by name, and a retried deployment can create it again under the same name.
        Assert.Empty(await _ec2.DescribeLaunchTemplatesAsync([template.Name]));
        var recreated = await _ec2.CreateLaunchTemplateAsync(template.Name, new LaunchTemplateData { ImageId = "ami-12c6146b" });
        Assert.NotEqual(template.Id, recreated.Id);
    }

    [Fact]
    public async Task DeleteLaunchTemplate_AlreadyDeleted_IsDone()
    {
        // Arrange: a first delete took effect (its answer may have been lost).
        var template = await moto.CreateLaunchTemplateAsync();
        await _ec2.DeleteLaunchTemplateAsync(template.Id);

        // Act: moto 5.2.1 answers InvalidLaunchTemplateName.NotFoundException (AWS:
        // InvalidLaunchTemplateId.NotFound); both mean the template is gone, which was the goal.
        await _ec2.DeleteLaunchTemplateAsync(template.Id);

        // Assert
        Assert.Empty(await _ec2.DescribeLaunchTemplatesAsync([template.Name]));
    }

    [Fact]
    public async Task DeleteLaunchTemplate_Deleted_LeavesOtherTemplates()
    {
        // Arrange
        var doomed = await moto.CreateLaunchTemplateAsync();
        var kept = await moto.CreateLaunchTemplateAsync();

        // Act
        await _ec2.DeleteLaunchTemplateAsync(doomed.Id);

        // Assert
        var described = await _ec2.DescribeLaunchTemplatesAsync([doomed.Name, kept.Name]);
        Assert.Equal(kept.Id, Assert.Single(described).Id);
    }
}
