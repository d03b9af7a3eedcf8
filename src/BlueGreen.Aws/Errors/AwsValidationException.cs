namespace BlueGreen.Aws.Errors;

/// <summary>The service rejected the request's parameters.</summary>
public sealed class AwsValidationException(AwsErrorDetails details) : AwsServiceException(details);
