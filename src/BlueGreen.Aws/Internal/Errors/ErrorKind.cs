namespace BlueGreen.Aws.Internal.Errors;

/// <summary>The error kinds callers act on; each maps to one public exception type.</summary>
internal enum ErrorKind
{
    Other,
    Throttled,
    ServiceUnavailable,
    NotFound,
    AlreadyExists,
    Validation,
    AccessDenied,
}
