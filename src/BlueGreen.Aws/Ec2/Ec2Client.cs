using Amazon.EC2;
using Amazon.EC2.Model;
using BlueGreen.Aws.AutoScaling;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;
using static BlueGreen.Aws.Ec2.Ec2Shapes;

namespace BlueGreen.Aws.Ec2;

/// <summary>EC2 through the official AWSSDK.EC2 client; SDK types stay behind this adapter.</summary>
internal sealed class Ec2Client(IAmazonEC2 ec2) : IEc2
{
    // EC2 codes name the resource: "InvalidAMIID.NotFound", "InvalidLaunchTemplateName.AlreadyExistsException".
    public static readonly AwsService Service = new(
        "EC2",
        "EC2",
        "ec2",
        "ec2",
        new Dictionary<string, ErrorKind>(),
        Refine: error => error.Code.Contains("NotFound", StringComparison.Ordinal) ? ErrorKind.NotFound
            : error.Code.Contains("AlreadyExists", StringComparison.Ordinal) || error.Code.Contains("Duplicate", StringComparison.Ordinal) ? ErrorKind.AlreadyExists
            : null);

    public Task<IReadOnlyList<MachineImage>> DescribeImagesAsync(ImageQuery query, CancellationToken cancellationToken = default) =>
        SdkCalls.RunAsync<IReadOnlyList<MachineImage>>(Service, "DescribeImages", async () =>
        {
            var filters = query.Tags.Select(t => new Filter($"tag:{t.Key}", [t.Value])).ToList();
            // Ids go in as a filter, not ImageIds: a missing id is then an empty answer rather than
            // InvalidAMIID.NotFound, and Owners still applies (moto ignores Owners beside ImageIds).
            if (query.ImageIds.Count > 0)
            {
                filters.Add(new Filter("image-id", [.. query.ImageIds]));
            }

            if (query.State is not null)
            {
                filters.Add(new Filter("state", [query.State]));
            }

            var images = new List<MachineImage>();
            string? nextToken = null;
            do
            {
                var response = await ec2.DescribeImagesAsync(
                    new DescribeImagesRequest
                    {
                        Owners = query.Owners.Count > 0 ? [.. query.Owners] : null,
                        Filters = filters.Count > 0 ? filters : null,
                        NextToken = nextToken,
                    },
                    cancellationToken);
                images.AddRange((response.Images ?? []).Select(ToImage));
                nextToken = response.NextToken;
            }
            while (!string.IsNullOrEmpty(nextToken));

            return images;
        });

    public Task<LaunchTemplateInfo> CreateLaunchTemplateAsync(
        string name, LaunchTemplateData data, IReadOnlyDictionary<string, string>? tags = null, string? clientToken = null, CancellationToken cancellationToken = default) =>
        CreateTemplateAsync(name, ToRequestData(data), tags, clientToken, cancellationToken);

    public async Task<LaunchTemplateInfo> CreateLaunchTemplateFromVersionAsync(
        string name, LaunchTemplateReference source, string sourceVersion, string imageId, IReadOnlyDictionary<string, string> tags, string clientToken, CancellationToken cancellationToken = default)
    {
        var data = await SdkCalls.RunAsync(Service, "DescribeLaunchTemplateVersions", async () =>
        {
            var response = await ec2.DescribeLaunchTemplateVersionsAsync(
                new DescribeLaunchTemplateVersionsRequest
                {
                    LaunchTemplateId = source.Id,
                    LaunchTemplateName = source.Id is null ? source.Name : null,
                    Versions = [sourceVersion],
                },
                cancellationToken);
            return response.LaunchTemplateVersions?.SingleOrDefault()?.LaunchTemplateData;
        }) ?? throw new AwsNotFoundException(new AwsErrorDetails(
            Service.Name, "DescribeLaunchTemplateVersions", "InvalidLaunchTemplateId.VersionNotFound",
            $"Launch template {source.Id ?? source.Name} has no version {sourceVersion}.", System.Net.HttpStatusCode.BadRequest, null));
        var copy = LaunchTemplateDataCopy.From(data);
        copy.ImageId = imageId;
        return await CreateTemplateAsync(name, copy, tags, clientToken, cancellationToken);
    }

    private Task<LaunchTemplateInfo> CreateTemplateAsync(
        string name, RequestLaunchTemplateData data, IReadOnlyDictionary<string, string>? tags, string? clientToken, CancellationToken cancellationToken) =>
        SdkCalls.RunAsync(Service, "CreateLaunchTemplate", async () =>
        {
            var response = await ec2.CreateLaunchTemplateAsync(
                new CreateLaunchTemplateRequest
                {
                    LaunchTemplateName = name,
                    LaunchTemplateData = data,
                    ClientToken = clientToken,
                    TagSpecifications = tags is { Count: > 0 }
                        ? [new TagSpecification { ResourceType = ResourceType.LaunchTemplate, Tags = ToTags(tags) }]
                        : null,
                },
                cancellationToken);
            return ToInfo(response.LaunchTemplate);
        });

    // A name filter, unlike LaunchTemplateNames, leaves missing names out instead of failing.
    public Task<IReadOnlyList<LaunchTemplateInfo>> DescribeLaunchTemplatesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken = default) =>
        DescribeTemplatesAsync(new Filter("launch-template-name", [.. names]), cancellationToken);

    public Task<IReadOnlyList<LaunchTemplateInfo>> DescribeLaunchTemplatesTaggedAsync(string key, string value, CancellationToken cancellationToken = default) =>
        DescribeTemplatesAsync(new Filter($"tag:{key}", [value]), cancellationToken);

    private Task<IReadOnlyList<LaunchTemplateInfo>> DescribeTemplatesAsync(Filter filter, CancellationToken cancellationToken) =>
        SdkCalls.RunAsync<IReadOnlyList<LaunchTemplateInfo>>(Service, "DescribeLaunchTemplates", async () =>
        {
            var templates = new List<LaunchTemplateInfo>();
            string? nextToken = null;
            do
            {
                var response = await ec2.DescribeLaunchTemplatesAsync(
                    new DescribeLaunchTemplatesRequest { Filters = [filter], NextToken = nextToken },
                    cancellationToken);
                templates.AddRange((response.LaunchTemplates ?? []).Select(ToInfo));
                nextToken = response.NextToken;
            }
            while (!string.IsNullOrEmpty(nextToken));

            return templates;
        });

    public Task<IReadOnlyList<LaunchTemplateVersion>> DescribeLaunchTemplateVersionsAsync(
        LaunchTemplateReference template, IReadOnlyCollection<string> versions, CancellationToken cancellationToken = default) =>
        SdkCalls.RunAsync<IReadOnlyList<LaunchTemplateVersion>>(Service, "DescribeLaunchTemplateVersions", async () =>
        {
            var result = new List<LaunchTemplateVersion>();
            string? nextToken = null;
            do
            {
                var response = await ec2.DescribeLaunchTemplateVersionsAsync(
                    new DescribeLaunchTemplateVersionsRequest
                    {
                        LaunchTemplateId = template.Id,
                        LaunchTemplateName = template.Id is null ? template.Name : null,
                        Versions = versions.Count > 0 ? [.. versions] : null,
                        NextToken = nextToken,
                    },
                    cancellationToken);
                result.AddRange((response.LaunchTemplateVersions ?? []).Select(ToVersion));
                nextToken = response.NextToken;
            }
            while (!string.IsNullOrEmpty(nextToken));

            return result;
        });

    public Task DeleteLaunchTemplateAsync(string launchTemplateId, CancellationToken cancellationToken = default) =>
        EnsureGone.RunAsync(() => SdkCalls.RunAsync(Service, "DeleteLaunchTemplate", async () =>
        {
            await ec2.DeleteLaunchTemplateAsync(new DeleteLaunchTemplateRequest { LaunchTemplateId = launchTemplateId }, cancellationToken);
            return true;
        }));

    public Task<IReadOnlyList<Subnet>> DescribeDefaultSubnetsAsync(CancellationToken cancellationToken = default) =>
        SdkCalls.RunAsync<IReadOnlyList<Subnet>>(Service, "DescribeSubnets", async () =>
        {
            var subnets = new List<Subnet>();
            string? nextToken = null;
            do
            {
                var response = await ec2.DescribeSubnetsAsync(
                    new DescribeSubnetsRequest { Filters = [new Filter("default-for-az", ["true"])], NextToken = nextToken },
                    cancellationToken);
                subnets.AddRange((response.Subnets ?? []).Select(s => new Subnet(s.SubnetId, s.VpcId, s.AvailabilityZone)));
                nextToken = response.NextToken;
            }
            while (!string.IsNullOrEmpty(nextToken));

            return subnets;
        });

    public Task<string> RegisterImageAsync(string name, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        SdkCalls.RunAsync(Service, "RegisterImage", async () =>
        {
            var image = await ec2.RegisterImageAsync(
                new RegisterImageRequest { Name = name, RootDeviceName = "/dev/xvda", Architecture = ArchitectureValues.X86_64 },
                cancellationToken);
            if (tags.Count > 0)
            {
                await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [image.ImageId], Tags = ToTags(tags) }, cancellationToken);
            }

            return image.ImageId;
        });

    public Task<IReadOnlyList<Ec2Instance>> DescribeInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default) =>
        SdkCalls.RunAsync<IReadOnlyList<Ec2Instance>>(Service, "DescribeInstances", async () =>
        {
            var instances = new List<Ec2Instance>();
            if (instanceIds.Count == 0)
            {
                return instances; // an empty id list would mean "every instance in the account"
            }

            string? nextToken = null;
            do
            {
                var response = await ec2.DescribeInstancesAsync(
                    new DescribeInstancesRequest { InstanceIds = [.. instanceIds], NextToken = nextToken },
                    cancellationToken);
                instances.AddRange((response.Reservations ?? []).SelectMany(r => r.Instances ?? []).Select(ToInstance));
                nextToken = response.NextToken;
            }
            while (!string.IsNullOrEmpty(nextToken));

            return instances;
        });

    public Task CreateTagsAsync(IReadOnlyCollection<string> resourceIds, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        SdkCalls.RunAsync(Service, "CreateTags", async () =>
        {
            if (resourceIds.Count > 0 && tags.Count > 0)
            {
                await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [.. resourceIds], Tags = ToTags(tags) }, cancellationToken);
            }

            return true;
        });
}
