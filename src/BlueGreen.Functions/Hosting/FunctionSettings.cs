using System.Globalization;

namespace BlueGreen.Functions.Hosting;

/// <summary>The functions' own configuration, from the environment the template gives them.</summary>
/// <param name="ImageTagWait">How long an image event's AMI may go without a
/// <c>bluegreen:application</c> tag before the event is ignored (stack parameter ImageTagWaitMinutes).</param>
public sealed record FunctionSettings(string? LockTable, TimeSpan ImageTagWait)
{
    public const string LockTableVariable = "BLUEGREEN_LOCK_TABLE";
    public const string ImageTagWaitVariable = "BLUEGREEN_IMAGE_TAG_WAIT_MINUTES";
    public const string StackNameVariable = "BLUEGREEN_STACK_NAME";

    /// <summary>The stack the functions belong to (${AWS::StackName}): printed commands name it with
    /// <c>--stack</c> so they reach this stack's state machine and lock table.</summary>
    public string? StackName { get; init; }

    /// <summary>Packer tags within seconds of the AMI becoming available; ten minutes leaves room for slower pipelines.</summary>
    public static readonly TimeSpan DefaultImageTagWait = TimeSpan.FromMinutes(10);

    public FunctionSettings(string? lockTable)
        : this(lockTable, DefaultImageTagWait)
    {
    }

    public static FunctionSettings FromVariables(Func<string, string?> variable) =>
        new(
            variable(LockTableVariable) is { Length: > 0 } table ? table : null,
            double.TryParse(variable(ImageTagWaitVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes >= 0
                ? TimeSpan.FromMinutes(minutes)
                : DefaultImageTagWait)
        {
            StackName = variable(StackNameVariable) is { Length: > 0 } stack ? stack : null,
        };

    /// <summary>The lock table, for the states that need it.</summary>
    public string RequireLockTable() =>
        LockTable ?? throw new InvalidOperationException($"{LockTableVariable} is not set; serverless.template sets it for every function.");
}
