using AvatarStream.Contracts;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Core.V2;

public sealed class RoomStateLobbyTests
{
    private readonly RoomStateHarness _room = RoomStateHarness.Locked();
    private readonly TestMember _host;
    private readonly TestMember _ann;

    public RoomStateLobbyTests()
    {
        _host = _room.Host("h");
        _host.Send("""{"type":"unlock"}""");
        _ann = _room.Guest("a", "Ann");
        _host.Send("""{"type":"lock"}""");
        Clear();
    }

    [Fact]
    public void ALobbyRoomStartsLocked()
    {
        var room = RoomStateHarness.Locked();

        var host = room.Host();

        Assert.True(host.Link.Single("welcome").GetProperty("room").GetProperty("locked").GetBoolean());
    }

    [Fact]
    public void ALockedRoomHoldsAGuestWithWaitingAndNothingElse()
    {
        var joiner = _room.Guest("w", "Wanda");

        JsonAssert.Equal("""{"type":"waiting","room":"04217","host_present":true}""", Assert.Single(joiner.Link.Control));
        Assert.Empty(_ann.Link.Control);
        Assert.Empty(_room.Listener.Departed);
    }

    [Fact]
    public void HostsGetAKnockForAHeldJoiner()
    {
        _room.Guest("w", "Wanda");

        JsonAssert.Equal("""{"type":"knock","member":3,"name":"Wanda","seq":4}""", Assert.Single(_host.Link.Control));
    }

    [Fact]
    public void AKnockTakesAMemberNumber()
    {
        var wanda = _room.Guest("w");

        var carl = _room.Guest("c");

        Assert.Equal((3, 4), (wanda.Number, carl.Number));
    }

    [Fact]
    public void AHostIsNeverHeld()
    {
        var cohost = _room.Host("h2", "Cleo");

        Assert.Equal("welcome", FakeMemberLink.TypeOf(cohost.Link.Control[0]));
        Assert.False(_host.Link.Received("knock"));
        Assert.True(_host.Link.Received("member_joined"));
    }

    [Fact]
    public void AdmitWelcomesTheJoinerAndTellsTheOthers()
    {
        var joiner = _room.Guest("w", "Wanda");
        joiner.Link.Clear();
        _host.Link.Clear();

        _host.Send("""{"type":"admit","member":3}""");

        Assert.Equal(["welcome", "layers_wanted"], joiner.Link.Types);
        var welcome = joiner.Link.Single("welcome");
        Assert.Equal([1, 2, 3], JsonAssert.Numbers(welcome.GetProperty("members")));
        Assert.Equal(3, welcome.GetProperty("you").GetProperty("member").GetInt32());
        Assert.Equal(["knock_cancelled", "member_joined"], _host.Link.Types);
        JsonAssert.Equal("""{"type":"knock_cancelled","member":3,"name":"Wanda","seq":5}""", _host.Link.Control[0]);
        Assert.Equal(3, _host.Link.Single("member_joined").GetProperty("member").GetInt32());
        Assert.Equal(3, _ann.Link.Single("member_joined").GetProperty("member").GetInt32());
        Assert.False(_ann.Link.Received("knock_cancelled"));
    }

    [Fact]
    public void DenyClosesTheJoinerWith4004AndBarsIt()
    {
        var joiner = _room.Guest("w");
        _host.Link.Clear();

        _host.Send("""{"type":"deny","member":3}""");

        Assert.Equal((StreamProtocol.CloseCodes.Denied, CloseReason.Denied), (joiner.Link.Closes.Single().Status, joiner.Link.Closes.Single().Reason));
        Assert.Equal([("w", DepartureReason.Denied)], _room.Listener.Departed);
        Assert.True(_room.Room.IsBarred("w"));
        Assert.Null(_room.TryConnect("w", MemberProfile.DefaultGuest, new FakeMemberLink("w#2")));
        Assert.Equal(["knock_cancelled"], _host.Link.Types);
        Assert.Empty(_ann.Link.Control);
    }

    [Fact]
    public void AKnockThatWaitsPastTheKnockTimeoutIsClosedWith4005()
    {
        var joiner = _room.Guest("w");
        _host.Link.Clear();

        _room.Advance(_room.Options.KnockTimeout - TimeSpan.FromSeconds(1));
        Assert.False(joiner.Link.IsClosed);

        _room.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal((StreamProtocol.CloseCodes.KnockTimedOut, CloseReason.KnockTimedOut), (joiner.Link.Closes.Single().Status, joiner.Link.Closes.Single().Reason));
        Assert.Equal([("w", DepartureReason.KnockTimedOut)], _room.Listener.Departed);
        Assert.Equal(["knock_cancelled"], _host.Link.Types);
        Assert.False(_room.Room.IsBarred("w"));
    }

    [Fact]
    public void ReplacingTheSocketDoesNotRestartTheKnockTimeout()
    {
        var joiner = _room.Guest("w");
        _room.Advance(_room.Options.KnockTimeout - TimeSpan.FromSeconds(1));
        var link = joiner.Reconnect();

        _room.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(4005, link.CloseCode);
    }

    [Fact]
    public void AnIdentityWhoseKnockTimedOutMayKnockAgain()
    {
        var joiner = _room.Guest("w", "Wanda");
        _room.Advance(_room.Options.KnockTimeout);
        _host.Link.Clear();

        var link = joiner.Reconnect();

        Assert.Equal(["waiting"], link.Types);
        JsonAssert.Equal("""{"type":"knock","member":3,"name":"Wanda","seq":6}""", Assert.Single(_host.Link.Control));
    }

    [Fact]
    public void AnAdmittedKnockDoesNotTimeOut()
    {
        var joiner = _room.Guest("w");
        _host.Send("""{"type":"admit","member":3}""");

        _room.Advance(_room.Options.KnockTimeout * 2);

        Assert.False(joiner.Link.IsClosed);
        Assert.Empty(_room.Listener.Departed);
    }

    [Fact]
    public void AnAdmittedIdentityReentersWithoutAKnock()
    {
        var joiner = _room.Guest("w");
        _host.Send("""{"type":"admit","member":3}""");
        joiner.Close();
        _host.Link.Clear();

        var link = joiner.Reconnect();

        Assert.Equal("welcome", FakeMemberLink.TypeOf(link.Control[0]));
        Assert.False(link.Received("waiting"));
        Assert.False(_host.Link.Received("knock"));
        Assert.True(_host.Link.Received("member_joined"));
    }

    [Fact]
    public void UnlockAdmitsNobodyAlreadyWaiting()
    {
        var joiner = _room.Guest("w");
        joiner.Link.Clear();

        _host.Send("""{"type":"unlock"}""");

        Assert.Empty(joiner.Link.Control);
        Assert.False(_ann.Link.Received("member_joined"));
        Assert.Equal("welcome", FakeMemberLink.TypeOf(_room.Guest("later").Link.Control[0]));
    }

    [Fact]
    public void AReplacedSocketOfAWaitingJoinerGetsWaitingAgainWithoutASecondKnock()
    {
        var joiner = _room.Guest("w");
        var old = joiner.Link;
        _host.Link.Clear();

        var link = joiner.Reconnect();

        Assert.Equal(4000, old.CloseCode);
        JsonAssert.Equal("""{"type":"waiting","room":"04217","host_present":true}""", Assert.Single(link.Control));
        Assert.Empty(_host.Link.Control);
        Assert.Empty(_ann.Link.Control);
    }

    [Fact]
    public void AWaitingJoinerThatClosesWithdrawsItsKnock()
    {
        var joiner = _room.Guest("w");
        _host.Link.Clear();

        joiner.Close();

        Assert.Equal(["knock_cancelled"], _host.Link.Types);
        Assert.Equal([("w", DepartureReason.Left)], _room.Listener.Departed);
        Assert.False(_room.Room.IsBarred("w"));
    }

    [Fact]
    public void AWaitingJoinerWhoseSocketDropsKeepsItsKnockForTheGrace()
    {
        var joiner = _room.Guest("w");
        _host.Link.Clear();
        joiner.Drop();

        _room.Advance(_room.Options.ResumeGrace - TimeSpan.FromSeconds(1));
        var link = joiner.Reconnect();

        Assert.Equal(["waiting"], link.Types);
        Assert.Empty(_host.Link.Control);
        Assert.Empty(_room.Listener.Departed);
    }

    [Fact]
    public void AWaitingJoinerThatDoesNotComeBackWithinTheGraceWithdrawsItsKnock()
    {
        var joiner = _room.Guest("w");
        _host.Link.Clear();
        joiner.Drop();

        _room.Advance(_room.Options.ResumeGrace);

        Assert.Equal(["knock_cancelled"], _host.Link.Types);
        Assert.Equal([("w", DepartureReason.Left)], _room.Listener.Departed);
    }

    [Fact]
    public void WhenTheLastHostLeavesWaitingJoinersAreToldNoHostIsPresent()
    {
        _ann.Close();
        var joiner = _room.Guest("w");
        joiner.Link.Clear();
        _host.Drop();
        Assert.Empty(joiner.Link.Control);

        _room.Advance(_room.Options.ResumeGrace);

        JsonAssert.Equal("""{"type":"waiting","room":"04217","host_present":false}""", Assert.Single(joiner.Link.Control));
        Assert.False(joiner.Link.IsClosed);
    }

    [Fact]
    public void AHostJoiningLaterIsAnnouncedToWaitingJoinersAndSeesTheKnocks()
    {
        var room = RoomStateHarness.Locked();
        var joiner = room.Guest("w", "Wanda");
        JsonAssert.Equal("""{"type":"waiting","room":"04217","host_present":false}""", Assert.Single(joiner.Link.Control));

        var host = room.Host("h");

        JsonAssert.Equal("""{"type":"waiting","room":"04217","host_present":true}""", joiner.Link.Control[^1]);
        JsonAssert.Equal("""[{"member":1,"name":"Wanda"}]""", host.Link.Single("welcome").GetProperty("knocks"));
        Assert.False(host.Link.Received("knock"));
    }

    [Fact]
    public void AWaitingJoinerAdmittedWhileItsSocketIsDownIsReconnectingUntilItComesBack()
    {
        var joiner = _room.Guest("w");
        joiner.Drop();

        _host.Send("""{"type":"admit","member":3}""");

        Assert.Equal("reconnecting", _ann.Link.Single("member_joined").GetProperty("state").GetString());
        var link = joiner.Reconnect();
        Assert.Equal("welcome", FakeMemberLink.TypeOf(link.Control[0]));
        Assert.Equal("connected", _ann.Link.Single("member_updated").GetProperty("state").GetString());
    }

    private void Clear()
    {
        _host.Link.Clear();
        _ann.Link.Clear();
    }
}
