using AvatarStream.Contracts;

namespace AvatarStream.RoomRouter.Tests;

// The tag logs carry instead of a client id: the same in every service, short, and no part of the id itself.
public class ClientTagTests
{
    [Fact]
    public void ATagIsEightHexCharactersOfTheIdsDigest_TheSameEveryTime()
    {
        const string clientId = "6f1c0a52-1b7e-4a3c-9d3e-0c2b5a7e9f10";

        var tag = ClientTag.Of(clientId);

        Assert.Matches("^[0-9a-f]{8}$", tag);
        Assert.Equal(tag, ClientTag.Of(clientId));
        Assert.DoesNotContain(tag, clientId, StringComparison.Ordinal);
    }

    [Fact]
    public void DifferentIdsGetDifferentTags()
    {
        var tags = Enumerable.Range(0, 1000).Select(_ => ClientTag.Of(Guid.NewGuid().ToString("D"))).ToHashSet(StringComparer.Ordinal);

        Assert.True(tags.Count >= 999, $"{1000 - tags.Count} collisions among 1000 tags");
    }
}
