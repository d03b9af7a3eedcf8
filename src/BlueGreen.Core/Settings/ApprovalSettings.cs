namespace BlueGreen.Core.Settings;

/// <summary>Manual approval before traffic moves; timeout 60–604800 s (a week), default a day.</summary>
public sealed record ApprovalSettings(bool Required = false, int TimeoutSeconds = 86_400)
{
    public static ApprovalSettings Default { get; } = new();
}
