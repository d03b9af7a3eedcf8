namespace BlueGreen.Workflow.Tests.Definition;

/// <summary>A fact that needs asl-validator: skipped on a machine that has not installed it, but never
/// in CI (<c>CI=true</c>), where a missing validator fails the test instead of hiding it.</summary>
public sealed class AslValidatorFactAttribute : FactAttribute
{
    public AslValidatorFactAttribute()
    {
        if (!AslValidator.IsInstalled && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "asl-validator is not installed: npm ci --prefix tools/asl-validator";
        }
    }
}
