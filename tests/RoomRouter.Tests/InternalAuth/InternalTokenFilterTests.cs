using AvatarStream.ServiceDefaults.InternalAuth;
using static AvatarStream.RoomRouter.Tests.InternalAuth.TokenSources;

namespace AvatarStream.RoomRouter.Tests.InternalAuth;

public class InternalTokenFilterTests
{
    [Theory]
    [InlineData("Bearer current")]
    [InlineData("Bearer next")]
    [InlineData("next")]
    public async Task Filter_AcceptsCurrentAndNext(string authorization) =>
        Assert.Equal(200, await FilterAsync(Pinned("current", "next"), authorization));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer ")]
    [InlineData("Bearer other")]
    [InlineData("Bearer nextx")]
    [InlineData("Basic current")]
    public async Task Filter_RefusesAnythingElse(string? authorization) =>
        Assert.Equal(401, await FilterAsync(Pinned("current", "next"), authorization));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task WithoutNext_OnlyCurrentIsAccepted(string? next)
    {
        var receiver = Pinned("current", next);

        Assert.Equal(200, await FilterAsync(receiver, "Bearer current"));
        Assert.Equal(401, await FilterAsync(receiver, "Bearer "));
        Assert.Equal(401, await FilterAsync(receiver, "Bearer next"));
        Assert.Null((await receiver.GetAsync(refresh: false, CancellationToken.None)).Next);
    }

    [Fact]
    public void Tokens_AreNeverPrinted()
    {
        var text = new InternalTokens("current-secret", "next-secret").ToString();

        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
    }
}
