namespace BlueGreen.Local.ImageBuilder.Internal;

/// <summary>An error answered in Image Builder's REST-JSON shape: the status, the code in
/// <c>x-amzn-ErrorType</c>, <c>{"message": …}</c> as the body.</summary>
internal sealed class ImageBuilderError(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static ImageBuilderError NotFound(string arn) =>
        new(404, "ResourceNotFoundException", $"The resource with ARN '{arn}' could not be found.");

    public static ImageBuilderError InvalidParameter(string parameter, string pattern) =>
        new(400, "InvalidParameterValueException",
            $"The value supplied for parameter '{parameter}' is not valid. '{parameter}' must match pattern {pattern}");

    public static ImageBuilderError InvalidRequest(string message) => new(400, "InvalidRequestException", message);
}
