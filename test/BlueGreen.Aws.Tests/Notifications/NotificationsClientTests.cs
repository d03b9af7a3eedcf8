using System.Text.Json.Nodes;
using BlueGreen.Aws.Errors;
using BlueGreen.Aws.Notifications;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.Notifications;

[Collection(MotoCollection.Name)]
public sealed class NotificationsClientTests(MotoFixture moto)
{
    private const string SnsVersion = "2010-03-31";
    private const string SqsVersion = "2012-11-05";

    private readonly INotifications _notifications = moto.Clients.Notifications;

    [Fact]
    public async Task Publish_TopicWithQueueSubscribed_QueueReceivesSubjectAndMessage()
    {
        // Arrange
        var (topic, queueUrl) = await TopicWithQueueAsync();

        // Act
        var id = await _notifications.PublishAsync(topic, "Approve shop?", "line one\nbluegreen approve x");

        // Assert
        Assert.False(string.IsNullOrEmpty(id));
        var envelope = await ReceiveAsync(queueUrl);
        Assert.Equal("Approve shop?", envelope["Subject"]!.GetValue<string>());
        Assert.Equal("line one\nbluegreen approve x", envelope["Message"]!.GetValue<string>());
        Assert.Equal(id, envelope["MessageId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_MissingTopic_ThrowsNotFound()
    {
        // Act
        var error = await Assert.ThrowsAsync<AwsNotFoundException>(() =>
            _notifications.PublishAsync("arn:aws:sns:us-east-1:123456789012:no-such-topic", "s", "m"));

        // Assert
        Assert.Equal(("SNS", "Publish"), (error.Service, error.Operation));
    }

    [Fact]
    public async Task Publish_LongSubject_IsCutToTheServiceLimit()
    {
        // Arrange
        var (topic, queueUrl) = await TopicWithQueueAsync();

        // Act
        await _notifications.PublishAsync(topic, new string('s', 150), "m");

        // Assert
        var subject = (await ReceiveAsync(queueUrl))["Subject"]!.GetValue<string>();
        Assert.Equal(100, subject.Length);
        Assert.EndsWith("...", subject);
    }

    private async Task<(string TopicArn, string QueueUrl)> TopicWithQueueAsync()
    {
        var topic = (await moto.Raw.QueryAsync("sns", "CreateTopic", SnsVersion, ("Name", Unique.Name("topic")))).Descendants().Single(e => e.Name.LocalName == "TopicArn").Value;
        var queueName = Unique.Name("queue");
        var queueUrl = (await moto.Raw.QueryAsync("sqs", "CreateQueue", SqsVersion, ("QueueName", queueName))).Descendants().Single(e => e.Name.LocalName == "QueueUrl").Value;
        await moto.Raw.QueryAsync("sns", "Subscribe", SnsVersion, ("TopicArn", topic), ("Protocol", "sqs"), ("Endpoint", $"arn:aws:sqs:us-east-1:123456789012:{queueName}"));
        return (topic, queueUrl);
    }

    /// <summary>The SNS envelope (Subject, Message, MessageId…) of the queue's one message.</summary>
    private async Task<JsonObject> ReceiveAsync(string queueUrl)
    {
        var received = await moto.Raw.QueryAsync("sqs", "ReceiveMessage", SqsVersion, ("QueueUrl", queueUrl), ("MaxNumberOfMessages", "1"));
        return JsonNode.Parse(Assert.Single(received.Descendants(), e => e.Name.LocalName == "Body").Value)!.AsObject();
    }
}
