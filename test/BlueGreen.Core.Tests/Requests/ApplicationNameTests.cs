using BlueGreen.Core.Requests;

namespace BlueGreen.Core.Tests.Requests;

public sealed class ApplicationNameTests
{
    [Theory]
    [InlineData("shop", true)]
    [InlineData("a", true)]
    [InlineData("shop-eu-2", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)]
    [InlineData("Shop", false)]
    [InlineData("2shop", false)]
    [InlineData("shop-", false)]
    [InlineData("shop_app", false)]
    [InlineData("shop/app", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_Name_MatchesDocumentedPattern(string? name, bool expected) =>
        Assert.Equal(expected, ApplicationName.IsValid(name));

    [Theory]
    [InlineData("ami-12345678", true)]
    [InlineData("ami-0abc1234def567890", true)]
    [InlineData("ami-1234567", false)]
    [InlineData("ami-0abc1234def5678901", false)]
    [InlineData("ami-0ABC1234", false)]
    [InlineData("i-0abc1234", false)]
    public void IsValid_ImageId_MatchesAmiPattern(string imageId, bool expected) =>
        Assert.Equal(expected, ImageId.IsValid(imageId));
}
