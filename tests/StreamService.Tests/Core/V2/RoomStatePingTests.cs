using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Core.V2;

public sealed class RoomStatePingTests
{
    [Fact]
    public void PingIsAnsweredAtOnceWithPongEchoingT()
    {
        var room = new RoomStateHarness();
        var host = room.Host();
        var ann = room.Guest("a");
        host.Link.Clear();
        ann.Link.Clear();

        ann.Send("""{"type":"ping","t":{"sent":1712.5,"n":[1,2]}}""");

        JsonAssert.Equal("""{"type":"pong","t":{"sent":1712.5,"n":[1,2]}}""", Assert.Single(ann.Link.Control));
        Assert.Empty(host.Link.Control);
    }

    [Fact]
    public void PingIsAllowedInTheLobby()
    {
        var room = RoomStateHarness.Locked();
        room.Host();
        var joiner = room.Guest("w");
        joiner.Link.Clear();

        joiner.Send("""{"type":"ping","t":42}""");

        JsonAssert.Equal("""{"type":"pong","t":42}""", Assert.Single(joiner.Link.Control));
    }

    [Theory]
    [InlineData("""{"type":"data","id":9,"data":1}""")]
    [InlineData("""{"type":"subscribe","id":9,"all":true}""")]
    [InlineData("""{"type":"set_meta","id":9,"meta":{}}""")]
    [InlineData("""{"type":"lock","id":9}""")]
    [InlineData("""{"type":"end_room","id":9}""")]
    public void AnythingButPingInTheLobbyIsNotAllowed(string json)
    {
        var room = RoomStateHarness.Locked();
        var host = room.Host();
        var joiner = room.Guest("w");
        host.Link.Clear();
        joiner.Link.Clear();

        joiner.Send(json);

        var error = Assert.Single(joiner.Link.Control);
        JsonAssert.Error(error, "not_allowed");
        Assert.Equal(9, error.GetProperty("id").GetInt32());
        Assert.Empty(host.Link.Control);
        Assert.False(room.Room.IsEnded);
        Assert.False(joiner.Link.IsClosed);
    }
}
