namespace BlueGreen.Local.CodeDeploy;

/// <summary>
/// A CodeDeploy error in AWS's shape (<c>{"__type": ErrorType, "message": Message}</c>).
/// The lookups the gateway supplies throw it for unknown applications and groups, so the caller
/// sees the same error as from AWS.
/// </summary>
public sealed class CodeDeployError(string errorType, string message, int statusCode = 400) : Exception(message)
{
    public string ErrorType { get; } = errorType;

    public int StatusCode { get; } = statusCode;
}
