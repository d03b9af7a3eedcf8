namespace BlueGreen.Aws.Errors;

/// <summary>The service throttled the call (rate exceeded); retried before it reaches callers.</summary>
public sealed class AwsThrottledException(AwsErrorDetails details) : AwsServiceException(details)
{
    public override bool IsTransient => true;
}
