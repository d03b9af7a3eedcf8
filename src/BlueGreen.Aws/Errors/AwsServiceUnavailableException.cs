namespace BlueGreen.Aws.Errors;

/// <summary>HTTP 5xx or an internal failure on the service side.</summary>
public sealed class AwsServiceUnavailableException(AwsErrorDetails details) : AwsServiceException(details)
{
    public override bool IsTransient => true;
}
