using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Core.V2;

public sealed class RoomStateMetaTests
{
    private readonly RoomStateHarness _room = new();
    private readonly TestMember _host;
    private readonly TestMember _ann;

    public RoomStateMetaTests()
    {
        _host = _room.Host("h");
        _ann = _room.Guest("a");
        _host.Link.Clear();
        _ann.Link.Clear();
    }

    [Fact]
    public void SetMetaIsBroadcastToOthersAsMemberUpdated()
    {
        _ann.Send("""{"type":"set_meta","meta":{"muted":true,"avatar":"fox"}}""");

        JsonAssert.Equal("""{"type":"member_updated","member":2,"meta":{"muted":true,"avatar":"fox"},"seq":2}""", _host.Link.Single("member_updated"));
        Assert.Empty(_ann.Link.Control);
    }

    [Fact]
    public void MetaIsShownToLaterJoiners()
    {
        _ann.Send("""{"type":"set_meta","meta":{"hand":true}}""");

        var bob = _room.Guest("b");

        JsonAssert.Equal("""{"hand":true}""", bob.Link.Single("welcome").GetProperty("members")[1].GetProperty("meta"));
    }

    [Theory]
    [InlineData("""{"type":"set_meta","id":1,"meta":[1]}""")]
    [InlineData("""{"type":"set_meta","id":1,"meta":"muted"}""")]
    [InlineData("""{"type":"set_meta","id":1,"meta":null}""")]
    [InlineData("""{"type":"set_meta","id":1}""")]
    public void MetaThatIsNotAnObjectIsBadMessage(string json)
    {
        _ann.Send(json);

        var error = _ann.Link.Single("error");
        JsonAssert.Error(error, "bad_message");
        Assert.Equal(1, error.GetProperty("id").GetInt32());
        Assert.Empty(_host.Link.Control);
    }

    [Fact]
    public void MetaOf1KiBIsAccepted()
    {
        _ann.Send($$$"""{"type":"set_meta","meta":{"x":"{{{new string('a', 1024 - 8)}}}"}}""");

        Assert.Empty(_ann.Link.OfType("error"));
        Assert.Single(_host.Link.OfType("member_updated"));
    }

    [Fact]
    public void MetaOverOneKiBIsTooLargeAndReachesNobody()
    {
        _ann.Send($$$"""{"type":"set_meta","id":"big","meta":{"x":"{{{new string('a', 1024 - 7)}}}"}}""");

        var error = _ann.Link.Single("error");
        JsonAssert.Error(error, "too_large");
        Assert.Equal("big", error.GetProperty("id").GetString());
        Assert.Empty(_host.Link.Control);
    }
}
