namespace BlueGreen.Core.Settings;

/// <summary>Manual approval before traffic moves; default timeout a day (limits: <c>schemas/settings.schema.json</c>).</summary>
public sealed record ApprovalSettings(bool Required = false, int TimeoutSeconds = 86_400)
{
    public static ApprovalSettings Default { get; } = new();
}
