namespace BlueGreen.Aws.ImageBuilder;

/// <summary>The EC2 Image Builder call BlueGreen makes: which AMIs a finished image build made
/// (its state change event names the build, not the AMIs).</summary>
public interface IImageBuilder
{
    /// <param name="imageBuildVersionArn">e.g. <c>arn:aws:imagebuilder:us-east-1:123456789012:image/shop-recipe/1.0.0/3</c>.</param>
    /// <returns>The build, or null when Image Builder does not know it.</returns>
    Task<ImageBuildVersion?> GetImageAsync(string imageBuildVersionArn, CancellationToken cancellationToken = default);
}
