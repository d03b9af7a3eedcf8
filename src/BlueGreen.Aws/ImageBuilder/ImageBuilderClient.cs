using System.Text.Json.Nodes;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;
using BlueGreen.Aws.Internal.Protocols;

namespace BlueGreen.Aws.ImageBuilder;

/// <summary>EC2 Image Builder over REST-JSON (2019-12-02): GetImage only.</summary>
internal sealed class ImageBuilderClient(RestJsonProtocol rest) : IImageBuilder
{
    public static readonly AwsService Service = new(
        "ImageBuilder",
        "IMAGEBUILDER",
        "imagebuilder",
        "imagebuilder",
        new Dictionary<string, ErrorKind>
        {
            ["ResourceNotFoundException"] = ErrorKind.NotFound,
            ["ResourceAlreadyExistsException"] = ErrorKind.AlreadyExists,
            ["CallRateLimitExceededException"] = ErrorKind.Throttled,
            ["ServiceException"] = ErrorKind.ServiceUnavailable,
            ["ClientException"] = ErrorKind.Validation,
            ["InvalidRequestException"] = ErrorKind.Validation,
            ["InvalidParameterException"] = ErrorKind.Validation,
            ["InvalidParameterValueException"] = ErrorKind.Validation,
            ["InvalidParameterCombinationException"] = ErrorKind.Validation,
            ["InvalidPaginationTokenException"] = ErrorKind.Validation,
            ["ForbiddenException"] = ErrorKind.AccessDenied,
        });

    public async Task<ImageBuildVersion?> GetImageAsync(string imageBuildVersionArn, CancellationToken cancellationToken = default)
    {
        JsonObject result;
        try
        {
            result = await rest.SendAsync(
                "GetImage",
                HttpMethod.Get,
                $"/GetImage?imageBuildVersionArn={RestJsonProtocol.Escape(imageBuildVersionArn)}",
                body: null,
                cancellationToken);
        }
        catch (AwsNotFoundException)
        {
            return null;
        }

        var image = result["image"] ?? throw new FormatException("AWS response has no \"image\".");
        return new ImageBuildVersion(
            image.Required("arn"),
            image["state"].Required("status"),
            image["outputResources"].Items("amis")
                .Select(a => new ImageBuildAmi(a.Required("region"), a.Required("image"), a.Text("accountId"), a.Text("name")))
                .ToList());
    }
}
