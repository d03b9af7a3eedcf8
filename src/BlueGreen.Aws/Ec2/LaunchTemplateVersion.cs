namespace BlueGreen.Aws.Ec2;

public sealed record LaunchTemplateVersion(
    string TemplateId,
    string TemplateName,
    long VersionNumber,
    bool IsDefault,
    string? Description,
    LaunchTemplateData Data);
