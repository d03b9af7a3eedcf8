namespace BlueGreen.Core.Settings;

/// <summary>
/// Optional CodeDeploy step. <see cref="Revision"/> may come from settings or per execution;
/// a deployment without any revision is refused. Limits: <c>schemas/settings.schema.json</c>.
/// </summary>
public sealed record CodeDeploySettings(
    string Application,
    string DeploymentGroup,
    CodeDeployRevision? Revision = null,
    int TimeoutSeconds = CodeDeploySettings.DefaultTimeoutSeconds)
{
    public const int DefaultTimeoutSeconds = 3600;
}
