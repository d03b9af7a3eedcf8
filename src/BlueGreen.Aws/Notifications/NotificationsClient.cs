using BlueGreen.Aws.Internal.Errors;
using BlueGreen.Aws.Internal.Http;
using BlueGreen.Aws.Internal.Protocols;

namespace BlueGreen.Aws.Notifications;

/// <summary>SNS over the Query protocol (2010-03-31): Publish only.</summary>
internal sealed class NotificationsClient(QueryProtocol query) : INotifications
{
    public static readonly AwsService Service = new(
        "SNS",
        "SNS",
        "sns",
        "sns",
        new Dictionary<string, ErrorKind>
        {
            ["NotFound"] = ErrorKind.NotFound,
            ["NotFoundException"] = ErrorKind.NotFound,
            ["InvalidParameter"] = ErrorKind.Validation,
            ["InvalidParameterValue"] = ErrorKind.Validation,
            ["AuthorizationError"] = ErrorKind.AccessDenied,
            ["Throttled"] = ErrorKind.Throttled,
            ["ThrottledException"] = ErrorKind.Throttled,
            ["InternalError"] = ErrorKind.ServiceUnavailable,
        });

    public const string Version = "2010-03-31";

    // SNS refuses longer subjects.
    private const int SubjectLimit = 100;

    public async Task<string> PublishAsync(string topicArn, string subject, string message, CancellationToken cancellationToken = default)
    {
        var result = await query.SendAsync(
            new QueryRequest("Publish")
                .Add("TopicArn", topicArn)
                .Add("Subject", subject.Length > SubjectLimit ? subject[..(SubjectLimit - 3)] + "..." : subject)
                .Add("Message", message),
            cancellationToken);
        return result.Required("MessageId");
    }
}
