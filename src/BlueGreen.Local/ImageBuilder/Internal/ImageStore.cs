namespace BlueGreen.Local.ImageBuilder.Internal;

/// <summary>The image builds, in the order they were made; safe to use concurrently.</summary>
internal sealed class ImageStore
{
    private readonly object _gate = new();
    private readonly List<StoredImage> _images = [];

    /// <summary>Records the next build of <paramref name="image"/>'s name and version (1, 2, …).</summary>
    public StoredImage Add(NewImage image, string region, string accountId, DateTimeOffset now)
    {
        lock (_gate)
        {
            var versionArn = ImageArn.Version(region, accountId, image.Name, image.Version);
            var build = _images.Count(i => ImageArn.VersionOf(i.Arn) == versionArn) + 1;
            var stored = new StoredImage(
                $"{versionArn}/{build}",
                image.Name,
                image.Version,
                build,
                image.Status,
                image.Reason,
                now,
                image.Amis.Select(a => a with
                {
                    Name = a.Name ?? $"{image.Name} {now.UtcDateTime:yyyy-MM-ddTHH-mm-ss.fffZ}",
                    AccountId = a.AccountId ?? accountId,
                }).ToList());
            _images.Add(stored);
            return stored;
        }
    }

    public IReadOnlyList<StoredImage> All()
    {
        lock (_gate)
        {
            return [.. _images];
        }
    }
}
