namespace BlueGreen.Aws.ImageBuilder;

public interface IImageBuilder
{
    Task<ImageBuildVersion?> GetImageAsync(string imageBuildVersionArn, CancellationToken cancellationToken = default);
}
