using BlueGreen.Aws.Events;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.Events;

/// <summary>Our EventBridge PutEvents parser against JSON 1.1 generated from botocore's output shape.</summary>
public sealed class EventBusResponseTests
{
    [Fact]
    public async Task PutEvents_EveryMemberOrNone_ReadsEntriesAndFailures()
    {
        var documents = await WireDocuments.GenerateAsync(WireAsk.Full("events", "PutEvents"), WireAsk.Sparse("events", "PutEvents", "Entries"));
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;
        BusEvent[] events = [new("bluegreen", "Deployment Status Change", "{}"), new("bluegreen", "Deployment Status Change", "{}")];

        var full = await clients.Events.PutEventsAsync(events);
        var sparse = await clients.Events.PutEventsAsync(events);

        var doc = documents[0];
        Assert.Equal((int)doc["FailedEntryCount"]!, full.FailedEntryCount);
        Assert.Equal(new PutEventsResultEntry(doc.Text("Entries.1.EventId"), doc.Text("Entries.1.ErrorCode"), doc.Text("Entries.1.ErrorMessage")), full.Entries[1]);
        Assert.Equal(0, sparse.FailedEntryCount);
        Assert.All(sparse.Entries, e => Assert.Equal(new PutEventsResultEntry(null), e));
    }
}
