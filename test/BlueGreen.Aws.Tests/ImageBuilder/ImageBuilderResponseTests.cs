using BlueGreen.Aws.ImageBuilder;
using BlueGreen.Aws.Tests.Support;

namespace BlueGreen.Aws.Tests.ImageBuilder;

/// <summary>Our Image Builder GetImage parser against REST-JSON generated from botocore's output shape.</summary>
public sealed class ImageBuilderResponseTests
{
    [Fact]
    public async Task GetImage_EveryMemberOrRequiredOnly_ReadsTheAmis()
    {
        var documents = await WireDocuments.GenerateAsync(
            WireAsk.Full("imagebuilder", "GetImage"),
            WireAsk.Sparse("imagebuilder", "GetImage", "image", "arn", "state", "status", "outputResources", "amis", "region", "image"));
        var (clients, _) = WireDocuments.Answering(documents);
        using var _ = clients;

        var full = await clients.ImageBuilder.GetImageAsync("arn:aws:imagebuilder:us-east-1:123456789012:image/shop/1.0.0/1");
        var sparse = await clients.ImageBuilder.GetImageAsync("arn:aws:imagebuilder:us-east-1:123456789012:image/shop/1.0.0/1");

        var doc = documents[0];
        Assert.Equal((doc.Text("image.arn"), doc.Text("image.state.status")), (full!.Arn, full.Status));
        Assert.Equal(
            new ImageBuildAmi(doc.Text("image.outputResources.amis.1.region"), doc.Text("image.outputResources.amis.1.image"), doc.Text("image.outputResources.amis.1.accountId"), doc.Text("image.outputResources.amis.1.name")),
            full.Amis[1]);
        Assert.Equal((null, null), (sparse!.Amis[1].AccountId, sparse.Amis[1].Name));
    }
}
