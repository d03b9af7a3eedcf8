namespace BlueGreen.Aws.Notifications;

/// <summary>The SNS call BlueGreen makes: tell people (approval requests) on the application's topic.</summary>
public interface INotifications
{
    /// <param name="subject">E-mail subscribers see it as the subject: ASCII, cut to 100 characters.</param>
    /// <returns>The message id SNS gives the message.</returns>
    Task<string> PublishAsync(string topicArn, string subject, string message, CancellationToken cancellationToken = default);
}
