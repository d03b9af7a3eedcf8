using BlueGreen.Core.Errors;
using BlueGreen.Core.Requests;

namespace BlueGreen.Core.Tests.Requests;

public sealed class DeploymentTriggerTests
{
    private static readonly AmiStateChangeTrigger AmiEvent = new("ami-0abc1234def567890", "available", "us-east-1", "123456789012", "event-1");

    [Fact]
    public void ToRequest_EventWithApplicationTag_RequestsThatApplication()
    {
        var request = AmiEvent.ToRequest(AmiEvent.ImageId, "shop");

        Assert.Equal("shop", request.Application);
        Assert.Equal("ami-0abc1234def567890", request.ImageId);
        Assert.Contains("event-1", request.Reason, StringComparison.Ordinal);
        Assert.Null(AmiEvent.Application);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ToRequest_EventWithoutTag_ThrowsImageNotAllowedNamingTheTag(string? tag)
    {
        var error = Assert.Throws<ImageNotAllowed>(() => AmiEvent.ToRequest(AmiEvent.ImageId, tag));

        Assert.Contains("has no bluegreen:application tag", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRequest_EventTaggedWithInvalidName_ThrowsImageNotAllowed() =>
        Assert.Throws<ImageNotAllowed>(() => AmiEvent.ToRequest(AmiEvent.ImageId, "Shop App"));

    [Fact]
    public void ToRequest_ImageBuilderEvent_SaysWhichImageInReason()
    {
        var trigger = new ImageBuilderTrigger("arn:aws:imagebuilder:us-east-1:123456789012:image/shop/1.0.0/3", "AVAILABLE");

        var reason = trigger.ToRequest("ami-0abc1234def567890", "shop").Reason;

        Assert.Contains("image/shop/1.0.0/3", reason, StringComparison.Ordinal);
        Assert.Contains("ami-0abc1234def567890", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("shop")]
    public void ToRequest_ConsoleRequestUntaggedOrTaggedSame_ReturnsRequestUnchanged(string? tag)
    {
        var request = new DeploymentRequest("shop", "ami-12345678", DryRun: true);

        Assert.Same(request, new RequestTrigger(request).ToRequest(tag));
    }

    [Fact]
    public void ToRequest_ConsoleRequestForAnotherApplicationsImage_ThrowsImageNotAllowed()
    {
        var trigger = new RequestTrigger(new DeploymentRequest("shop", "ami-12345678"));

        var error = Assert.Throws<ImageNotAllowed>(() => trigger.ToRequest("billing"));

        Assert.Contains("tagged bluegreen:application=billing, not shop", error.Message, StringComparison.Ordinal);
    }
}
