namespace BlueGreen.Aws.Errors;

/// <summary>The named resource does not exist (target group, execution, hosted zone...).</summary>
public sealed class AwsNotFoundException(AwsErrorDetails details) : AwsServiceException(details);
