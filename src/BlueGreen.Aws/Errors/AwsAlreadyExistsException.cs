namespace BlueGreen.Aws.Errors;

/// <summary>A resource with that name already exists.</summary>
public sealed class AwsAlreadyExistsException(AwsErrorDetails details) : AwsServiceException(details);
