using AvatarStream.Contracts;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Core.V2;

public sealed class RoomStateHostTests
{
    private readonly RoomStateHarness _room = new();
    private readonly TestMember _host;
    private readonly TestMember _ann;
    private readonly TestMember _bob;

    public RoomStateHostTests()
    {
        _host = _room.Host("h");
        _ann = _room.Guest("a");
        _bob = _room.Guest("b");
        Clear();
    }

    [Theory]
    [InlineData("""{"type":"lock","id":"x"}""")]
    [InlineData("""{"type":"unlock","id":"x"}""")]
    [InlineData("""{"type":"admit","id":"x","member":3}""")]
    [InlineData("""{"type":"deny","id":"x","member":3}""")]
    [InlineData("""{"type":"remove","id":"x","member":3}""")]
    [InlineData("""{"type":"make_host","id":"x","member":3}""")]
    [InlineData("""{"type":"end_room","id":"x"}""")]
    public void HostMessagesFromAGuestAreNotHostAndChangeNothing(string json)
    {
        _ann.Send(json);

        var error = Assert.Single(_ann.Link.Control);
        JsonAssert.Error(error, "not_host");
        Assert.Equal("x", error.GetProperty("id").GetString());
        Assert.Empty(_host.Link.Control);
        Assert.Empty(_bob.Link.Control);
        Assert.False(_bob.Link.IsClosed);
        Assert.False(_room.Room.IsEnded);
        Assert.False(_room.Room.IsBarred("b"));
    }

    [Fact]
    public void LockSendsRoomUpdatedToEveryoneIncludingTheHost()
    {
        _host.Send("""{"type":"lock"}""");

        foreach (var member in new[] { _host, _ann, _bob })
        {
            var updated = member.Link.Single("room_updated");
            Assert.True(updated.GetProperty("locked").GetBoolean());
            Assert.True(updated.GetProperty("seq").GetInt64() > 0);
        }
    }

    [Fact]
    public void UnlockSendsRoomUpdatedWithLockedFalse()
    {
        _host.Send("""{"type":"lock"}""");
        Clear();

        _host.Send("""{"type":"unlock"}""");

        JsonAssert.Equal("""{"type":"room_updated","locked":false,"recording":false,"seq":3}""", _ann.Link.Single("room_updated"));
        JsonAssert.Equal("""{"type":"room_updated","locked":false,"recording":false,"seq":4}""", _host.Link.Single("room_updated"));
    }

    [Fact]
    public void LockHoldsLaterJoinersInTheLobby()
    {
        _host.Send("""{"type":"lock"}""");

        var joiner = _room.Guest("w");

        Assert.Equal(["waiting"], joiner.Link.Types);
    }

    [Fact]
    public void RemoveClosesTheMemberWith4003AndTellsTheOthers()
    {
        _host.Send("""{"type":"remove","member":3}""");

        Assert.Equal((StreamProtocol.CloseCodes.Removed, CloseReason.Removed), (_bob.Link.Closes[0].Status, _bob.Link.Closes[0].Reason));
        Assert.Equal(4003, _bob.Link.CloseCode);
        JsonAssert.Equal("""{"type":"member_left","member":3,"reason":"removed","seq":3}""", _host.Link.Single("member_left"));
        JsonAssert.Equal("""{"type":"member_left","member":3,"reason":"removed","seq":2}""", _ann.Link.Single("member_left"));
        Assert.Equal([("b", DepartureReason.Removed)], _room.Listener.Departed);
    }

    [Fact]
    public void RemovedIdentityIsBarredFromTheRoom()
    {
        _host.Send("""{"type":"remove","member":3}""");

        Assert.True(_room.Room.IsBarred("b"));
        Assert.Null(_room.TryConnect("b", MemberProfile.DefaultGuest, new FakeMemberLink("b#2")));
    }

    [Fact]
    public void RemoveOfYourselfIsNotAllowed()
    {
        _host.Send("""{"type":"remove","id":1,"member":1}""");

        JsonAssert.Error(_host.Link.Single("error"), "not_allowed");
        Assert.False(_host.Link.IsClosed);
        Assert.Empty(_ann.Link.Control);
    }

    [Fact]
    public void RemoveOfAWaitingJoinerIsUnknownMember()
    {
        _host.Send("""{"type":"lock"}""");
        var joiner = _room.Guest("w");
        Clear();

        _host.Send("""{"type":"remove","member":4}""");

        JsonAssert.Error(_host.Link.Single("error"), "unknown_member");
        Assert.False(joiner.Link.IsClosed);
        Assert.False(_room.Room.IsBarred("w"));
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("make_host")]
    [InlineData("admit")]
    [InlineData("deny")]
    public void DecidingAboutANumberNobodyHasIsUnknownMember(string type)
    {
        _host.Send($$"""{"type":"{{type}}","member":42}""");

        JsonAssert.Error(_host.Link.Single("error"), "unknown_member");
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("make_host")]
    [InlineData("admit")]
    [InlineData("deny")]
    public void DecidingWithoutAMemberNumberIsBadMessage(string type)
    {
        _host.Send($$"""{"type":"{{type}}","member":"3"}""");

        JsonAssert.Error(_host.Link.Single("error"), "bad_message");
    }

    [Fact]
    public void MakeHostTellsEveryoneIncludingTheTarget()
    {
        _host.Send("""{"type":"make_host","member":2}""");

        JsonAssert.Equal("""{"type":"member_updated","member":2,"role":"host","seq":3}""", _host.Link.Single("member_updated"));
        JsonAssert.Equal("""{"type":"member_updated","member":2,"role":"host","seq":2}""", _ann.Link.Single("member_updated"));
        JsonAssert.Equal("""{"type":"member_updated","member":2,"role":"host","seq":1}""", _bob.Link.Single("member_updated"));
    }

    [Fact]
    public void AMemberMadeHostMayUseHostMessages()
    {
        _host.Send("""{"type":"make_host","member":2}""");

        _ann.Send("""{"type":"lock"}""");

        Assert.Empty(_ann.Link.OfType("error"));
        Assert.True(_bob.Link.Single("room_updated").GetProperty("locked").GetBoolean());
    }

    [Fact]
    public void PendingKnocksReachANewHostAsKnockEvents()
    {
        _host.Send("""{"type":"lock"}""");
        _room.Guest("w", "Wanda");
        Clear();

        _host.Send("""{"type":"make_host","member":3}""");

        Assert.Equal(["member_updated", "knock"], _bob.Link.Types);
        JsonAssert.Equal("""{"type":"knock","member":4,"name":"Wanda","seq":3}""", _bob.Link.Single("knock"));
        Assert.False(_ann.Link.Received("knock"));
    }

    [Fact]
    public void EndRoomSendsRoomEndedThen4001ToEveryoneIncludingWaitingJoiners()
    {
        _host.Send("""{"type":"lock"}""");
        var joiner = _room.Guest("w");

        _host.Send("""{"type":"end_room"}""");

        foreach (var link in new[] { _host.Link, _ann.Link, _bob.Link, joiner.Link })
        {
            JsonAssert.Equal("""{"type":"room_ended","reason":"ended_by_host"}""", link.Last("room_ended"));
            Assert.Equal("room_ended", FakeMemberLink.TypeOf(link.Control[^1]));
            Assert.Equal((StreamProtocol.CloseCodes.RoomEnded, CloseReason.RoomEnded), (link.Closes.Single().Status, link.Closes.Single().Reason));
        }
    }

    [Fact]
    public void EndRoomTellsTheListenerOnceAndReportsNoDepartures()
    {
        _host.Send("""{"type":"end_room"}""");

        Assert.True(_room.Room.IsEnded);
        Assert.Equal(1, _room.Listener.RoomEndedCalls);
        Assert.Empty(_room.Listener.Departed);
    }

    [Fact]
    public void AnEndedRoomTakesNoSocketsAndIgnoresMessages()
    {
        _host.Send("""{"type":"end_room"}""");
        Clear();

        _ann.Send("""{"type":"ping"}""");

        Assert.Null(_room.TryConnect("a", MemberProfile.DefaultGuest, new FakeMemberLink("a#2")));
        Assert.Null(_room.TryConnect("new", MemberProfile.DefaultGuest, new FakeMemberLink("new#1")));
        Assert.Empty(_ann.Link.Control);
    }

    [Fact]
    public void EndingARoomWithAKnockPendingSendsTheHostsNoKnockCancelled()
    {
        _host.Send("""{"type":"lock"}""");
        _room.Guest("w");
        _host.Send("""{"type":"unlock"}""");

        // A host numbered after the waiting joiner: the room reaches the joiner before it when it ends.
        var late = _room.Guest("c");
        _host.Send($$"""{"type":"make_host","member":{{late.Number}}}""");
        Clear();
        late.Link.Clear();

        _host.Send("""{"type":"end_room"}""");

        Assert.Equal(["room_ended"], _host.Link.Types);
        Assert.Equal(["room_ended"], late.Link.Types);
    }

    [Fact]
    public void StoppingTheInstanceReportsNothing()
    {
        _ann.Drop();
        _bob.Link.Clear();

        _room.Room.Stop();
        _room.Advance(TimeSpan.FromMinutes(5));
        _host.Close();

        Assert.Empty(_room.Listener.Departed);
        Assert.Equal(0, _room.Listener.RoomEndedCalls);
        Assert.Empty(_bob.Link.Control);
    }

    private void Clear()
    {
        _host.Link.Clear();
        _ann.Link.Clear();
        _bob.Link.Clear();
    }
}
