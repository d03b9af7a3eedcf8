namespace BlueGreen.Local.ImageBuilder.Internal;

/// <summary>One image build version the emulator knows.</summary>
internal sealed record StoredImage(
    string Arn,
    string Name,
    string Version,
    int Build,
    string Status,
    string? Reason,
    DateTimeOffset CreatedAt,
    IReadOnlyList<NewImageAmi> Amis);
