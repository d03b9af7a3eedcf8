using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.Notifications;

/// <summary>Our SNS Publish parser against Query XML generated from botocore's output shape.</summary>
public sealed class NotificationsResponseTests
{
    [Fact]
    public async Task Publish_EveryMember_ReadsTheMessageId()
    {
        var documents = await WireDocuments.GenerateAsync(WireAsk.Full("sns", "Publish"));
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;

        var messageId = await clients.Notifications.PublishAsync("arn:aws:sns:us-east-1:123456789012:shop", "subject", "message");

        Assert.Equal(documents[0].Text("MessageId"), messageId);
    }
}
