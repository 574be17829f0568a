using AvatarStream.Contracts;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Core.V2;

public sealed class RoomStateRaceTests
{
    [Theory]
    [InlineData("admit", "admit")]
    [InlineData("admit", "deny")]
    [InlineData("deny", "admit")]
    [InlineData("deny", "deny")]
    public void WhenTwoHostsDecideOneKnockOnlyTheFirstDecisionCounts(string first, string second)
    {
        var room = RoomStateHarness.Locked();
        var host = room.Host("h1");
        var cohost = room.Host("h2");
        var joiner = room.Guest("w");

        host.Send($$"""{"type":"{{first}}","member":3}""");
        cohost.Send($$"""{"type":"{{second}}","id":"late","member":3}""");

        var error = cohost.Link.Single("error");
        JsonAssert.Error(error, "unknown_member");
        Assert.Equal("late", error.GetProperty("id").GetString());
        Assert.Equal(first == "admit" ? 1 : 0, joiner.Link.OfType("welcome").Count);
        Assert.Equal(first == "admit" ? 0 : 1, joiner.Link.Closes.Count);
        Assert.Single(host.Link.OfType("knock_cancelled"));
        Assert.Single(cohost.Link.OfType("knock_cancelled"));
    }

    [Fact]
    public void WhenTheHostLeavesWhileJoinersWaitTheNewHostGetsTheirKnocks()
    {
        var room = RoomStateHarness.Locked();
        var host = room.Host("h");
        host.Send("""{"type":"unlock"}""");
        var ann = room.Guest("a");
        host.Send("""{"type":"lock"}""");
        var joiner = room.Guest("w", "Wanda");
        ann.Link.Clear();
        joiner.Link.Clear();

        host.Close();

        Assert.Equal(["member_left", "member_updated", "knock"], ann.Link.Types.Where(type => type != "layers_wanted"));
        JsonAssert.Equal("""{"type":"knock","member":3,"name":"Wanda","seq":4}""", ann.Link.Single("knock"));
        Assert.Empty(joiner.Link.Control);

        ann.Send("""{"type":"admit","member":3}""");

        Assert.True(joiner.Link.Received("welcome"));
    }

    [Fact]
    public void AResumeWhileTheOldSocketIsStillAttachedReplacesItQuietly()
    {
        var room = new RoomStateHarness();
        var host = room.Host("h");
        var ann = room.Guest("a");
        var old = ann.Link;
        var request = ann.ResumeRequest();
        host.Link.Clear();

        var link = ann.Reconnect(request);

        Assert.Equal((StreamProtocol.CloseCodes.Replaced, CloseReason.Replaced), (old.Closes.Single().Status, old.Closes.Single().Reason));
        Assert.True(link.Single("resumed").GetProperty("recovered").GetBoolean());
        Assert.False(link.Received("welcome"));
        Assert.Empty(host.Link.Control);
        Assert.Empty(room.Listener.Departed);
    }

    [Fact]
    public void TheEndOfAReplacedSocketIsIgnored()
    {
        var room = new RoomStateHarness();
        var host = room.Host("h");
        var ann = room.Guest("a");
        var old = ann.Link;
        ann.Reconnect();
        host.Link.Clear();

        room.Room.Disconnected(ann.Member, old, Departure.Left);
        room.Room.Disconnected(ann.Member, old, Departure.Dropped);

        Assert.Empty(host.Link.Control);
        Assert.Empty(room.Listener.Departed);
        Assert.Contains(ann.Link, host.Member.Route.Everyone.ToArray());
    }

    [Fact]
    public void MessagesFromAReplacedSocketAreIgnored()
    {
        var room = new RoomStateHarness();
        var host = room.Host("h");
        var ann = room.Guest("a");
        var old = ann.Link;
        ann.Reconnect();
        host.Link.Clear();

        room.Room.Receive(ann.Member, old, FakeMemberLink.Utf8("""{"type":"data","data":1}"""));
        room.Room.Receive(ann.Member, old, FakeMemberLink.Utf8("""{"type":"ping"}"""));

        Assert.Empty(host.Link.Control);
        Assert.False(old.Received("pong"));
    }

    [Fact]
    public void TheEndOfASocketTheRoomClosedIsNoSecondDeparture()
    {
        var room = new RoomStateHarness();
        var host = room.Host("h");
        var ann = room.Guest("a");
        host.Send("""{"type":"remove","member":2}""");

        room.Room.Disconnected(ann.Member, ann.Link, Departure.Left);

        Assert.Equal([("a", DepartureReason.Removed)], room.Listener.Departed);
        Assert.Single(host.Link.OfType("member_left"));
    }

    [Fact]
    public void RemovingAMemberDuringItsResumeGraceBarsItForGood()
    {
        var room = new RoomStateHarness();
        var host = room.Host("h");
        var ann = room.Guest("a");
        var request = ann.ResumeRequest();
        ann.Drop();

        host.Send("""{"type":"remove","member":2}""");

        JsonAssert.Equal("""{"type":"member_left","member":2,"reason":"removed","seq":3}""", host.Link.Single("member_left"));
        Assert.Equal([("a", DepartureReason.Removed)], room.Listener.Departed);
        Assert.True(room.Room.IsBarred("a"));
        Assert.Null(room.TryConnect("a", MemberProfile.DefaultGuest, new FakeMemberLink("a#2"), request));

        room.Advance(room.Options.ResumeGrace * 2);

        Assert.Single(room.Listener.Departed);
        Assert.Single(host.Link.OfType("member_left"));
    }

    [Fact]
    public void AKnockTimingOutAfterItWasAdmittedDoesNothing()
    {
        var room = RoomStateHarness.Locked();
        var host = room.Host("h");
        var joiner = room.Guest("w");
        room.Advance(room.Options.KnockTimeout - TimeSpan.FromSeconds(1));
        host.Send("""{"type":"admit","member":2}""");

        room.Advance(TimeSpan.FromSeconds(2));

        Assert.False(joiner.Link.IsClosed);
        Assert.Empty(room.Listener.Departed);
    }

    [Fact]
    public void EndingTheRoomStopsPendingGraceAndKnockTimers()
    {
        var room = RoomStateHarness.Locked();
        var host = room.Host("h");
        host.Send("""{"type":"unlock"}""");
        var ann = room.Guest("a");
        host.Send("""{"type":"lock"}""");
        room.Guest("w");
        ann.Drop();

        host.Send("""{"type":"end_room"}""");
        room.Advance(room.Options.KnockTimeout);

        Assert.Empty(room.Listener.Departed);
        Assert.Equal(1, room.Listener.RoomEndedCalls);
    }
}
