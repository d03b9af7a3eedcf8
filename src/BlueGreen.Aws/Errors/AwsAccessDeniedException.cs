namespace BlueGreen.Aws.Errors;

/// <summary>The caller's credentials or signature were refused.</summary>
public sealed class AwsAccessDeniedException(AwsErrorDetails details) : AwsServiceException(details);
