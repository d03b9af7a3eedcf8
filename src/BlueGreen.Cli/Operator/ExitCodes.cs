namespace BlueGreen.Cli.Operator;

/// <summary>What every operator command's exit code means (DESIGN.md §4, README).</summary>
internal static class ExitCodes
{
    /// <summary>Done: promoted, answered, rolled back on request, or read.</summary>
    public const int Done = 0;

    /// <summary>The deployment failed or rolled back (or its cleanup failed).</summary>
    public const int DeploymentFailed = 1;

    /// <summary>Refused or bad usage: nothing was changed.</summary>
    public const int Refused = 2;

    /// <summary>AWS could not be reached, or no usable credentials.</summary>
    public const int Unreachable = 3;
}
