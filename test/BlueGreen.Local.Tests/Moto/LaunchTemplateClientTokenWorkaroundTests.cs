using Amazon.EC2;
using Amazon.EC2.Model;

namespace BlueGreen.Local.Tests.Moto;

/// <summary>launch-template-client-token: moto ignored ClientToken, so a retried create made a second version.</summary>
[Collection(MotoWorkaroundsCollection.Name)]
public sealed class LaunchTemplateClientTokenWorkaroundTests(MotoPool pool)
{
    [Fact]
    public async Task CreateLaunchTemplate_SameTokenWithWorkaround_ReturnsTheOriginal()
    {
        using var aws = new MotoSdkClients((await pool.WithAllAsync()).Client.Endpoint);
        var request = NewTemplate();

        var first = await aws.Ec2.CreateLaunchTemplateAsync(request);
        var again = await aws.Ec2.CreateLaunchTemplateAsync(request);

        Assert.Equal(first.LaunchTemplate.LaunchTemplateId, again.LaunchTemplate.LaunchTemplateId);
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_SameTokenWithWorkaround_ReturnsTheOriginalAndCreatesNothing()
    {
        using var aws = new MotoSdkClients((await pool.WithAllAsync()).Client.Endpoint);
        var template = (await aws.Ec2.CreateLaunchTemplateAsync(NewTemplate())).LaunchTemplate.LaunchTemplateId;
        var request = NewVersion(template, "ami-22222222");

        var first = await aws.Ec2.CreateLaunchTemplateVersionAsync(request);
        var again = await aws.Ec2.CreateLaunchTemplateVersionAsync(request);

        Assert.Equal(first.LaunchTemplateVersion.VersionNumber, again.LaunchTemplateVersion.VersionNumber);
        Assert.Equal([1L, 2L], await VersionNumbersAsync(aws, template));
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_SameTokenOtherParametersWithWorkaround_IdempotentParameterMismatch()
    {
        using var aws = new MotoSdkClients((await pool.WithAllAsync()).Client.Endpoint);
        var template = (await aws.Ec2.CreateLaunchTemplateAsync(NewTemplate())).LaunchTemplate.LaunchTemplateId;
        var request = NewVersion(template, "ami-22222222");
        await aws.Ec2.CreateLaunchTemplateVersionAsync(request);

        var mismatch = await Assert.ThrowsAsync<AmazonEC2Exception>(() => aws.Ec2.CreateLaunchTemplateVersionAsync(
            NewVersion(template, "ami-33333333", request.ClientToken)));

        Assert.Equal("IdempotentParameterMismatch", mismatch.ErrorCode);
        Assert.Equal([1L, 2L], await VersionNumbersAsync(aws, template));
    }

    [Fact]
    public async Task CreateLaunchTemplateVersion_SameTokenWithoutWorkaround_CreatesASecondVersion()
    {
        using var aws = new MotoSdkClients((await pool.WithoutAsync("launch-template-client-token")).Client.Endpoint);
        var template = (await aws.Ec2.CreateLaunchTemplateAsync(NewTemplate())).LaunchTemplate.LaunchTemplateId;
        var request = NewVersion(template, "ami-22222222");

        await aws.Ec2.CreateLaunchTemplateVersionAsync(request);
        await aws.Ec2.CreateLaunchTemplateVersionAsync(request);

        Assert.Equal([1L, 2L, 3L], await VersionNumbersAsync(aws, template));
    }

    private static CreateLaunchTemplateRequest NewTemplate() => new()
    {
        LaunchTemplateName = $"lt-{Guid.NewGuid():N}",
        LaunchTemplateData = new RequestLaunchTemplateData { ImageId = "ami-12c6146b", InstanceType = "t3.micro" },
        ClientToken = Guid.NewGuid().ToString("N"),
    };

    private static CreateLaunchTemplateVersionRequest NewVersion(string templateId, string imageId, string? token = null) => new()
    {
        LaunchTemplateId = templateId,
        SourceVersion = "1",
        LaunchTemplateData = new RequestLaunchTemplateData { ImageId = imageId },
        ClientToken = token ?? Guid.NewGuid().ToString("N"),
    };

    private static async Task<List<long>> VersionNumbersAsync(MotoSdkClients aws, string templateId) =>
        (await aws.Ec2.DescribeLaunchTemplateVersionsAsync(new DescribeLaunchTemplateVersionsRequest { LaunchTemplateId = templateId }))
        .LaunchTemplateVersions.Select(v => v.VersionNumber ?? 0).Order().ToList();
}
