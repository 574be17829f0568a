using AvatarStream.StreamService.Core.V2;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Core.V2;

public sealed class RoomStateWelcomeTests
{
    [Fact]
    public void FirstMemberIsWelcomedWithTheRoomItselfAndResumeDetails()
    {
        var room = new RoomStateHarness();

        var host = room.Host("h", "Hana");

        var welcome = host.Link.Control[0];
        Assert.Equal("welcome", FakeMemberLink.TypeOf(welcome));
        Assert.Equal(2, welcome.GetProperty("protocol").GetInt32());
        JsonAssert.Equal("""{"id":"04217","locked":false,"host_present":true,"join_closes_at":null,"recording":false}""", welcome.GetProperty("room"));
        JsonAssert.Equal("""{"member":1,"role":"host","name":"Hana"}""", welcome.GetProperty("you"));
        JsonAssert.Equal("""[{"member":1,"name":"Hana","role":"host","state":"connected","meta":{}}]""", welcome.GetProperty("members"));
        JsonAssert.Equal("[]", welcome.GetProperty("knocks"));
        Assert.Equal(0, welcome.GetProperty("seq").GetInt64());
        Assert.False(string.IsNullOrEmpty(welcome.GetProperty("session").GetString()));
        var resume = welcome.GetProperty("resume");
        Assert.False(string.IsNullOrEmpty(resume.GetProperty("secret").GetString()));
        Assert.Equal(30, resume.GetProperty("grace_seconds").GetInt32());
    }

    [Fact]
    public void GraceSecondsFollowTheResumeGraceOption()
    {
        var room = new RoomStateHarness(configure: options => options.ResumeGrace = TimeSpan.FromSeconds(12));

        var host = room.Host();

        Assert.Equal(12, host.Link.Single("welcome").GetProperty("resume").GetProperty("grace_seconds").GetInt32());
    }

    [Fact]
    public void JoinClosesAtIsAnIsoUtcString()
    {
        var closesAt = new DateTimeOffset(2025, 3, 1, 14, 5, 0, TimeSpan.FromHours(2));
        var room = new RoomStateHarness(new RoomSetup(Lobby: false, JoinClosesAt: closesAt));

        var host = room.Host();

        Assert.Equal("2025-03-01T12:05:00Z", host.Link.Single("welcome").GetProperty("room").GetProperty("join_closes_at").GetString());
    }

    [Fact]
    public void GuestWelcomeCarriesNoKnocks()
    {
        var room = new RoomStateHarness();
        room.Host();

        var guest = room.Guest("g", "Gus");

        var welcome = guest.Link.Single("welcome");
        Assert.False(welcome.TryGetProperty("knocks", out _));
        JsonAssert.Equal("""{"member":2,"role":"guest","name":"Gus"}""", welcome.GetProperty("you"));
    }

    [Fact]
    public void WelcomeListsEveryMemberIncludingTheNewOneWithTheirMeta()
    {
        var room = new RoomStateHarness();
        var host = room.Host("h", "Hana");
        host.Send("""{"type":"set_meta","meta":{"camera":true}}""");
        room.Guest("a", "Ann");

        var bob = room.Guest("b", "Bob");

        JsonAssert.Equal(
            """
            [{"member":1,"name":"Hana","role":"host","state":"connected","meta":{"camera":true}},
             {"member":2,"name":"Ann","role":"guest","state":"connected","meta":{}},
             {"member":3,"name":"Bob","role":"guest","state":"connected","meta":{}}]
            """,
            bob.Link.Single("welcome").GetProperty("members"));
    }

    [Fact]
    public void WelcomeShowsAReconnectingMemberAsReconnecting()
    {
        var room = new RoomStateHarness();
        var host = room.Host();
        host.Drop();

        var guest = room.Guest("g");

        var members = guest.Link.Single("welcome").GetProperty("members");
        Assert.Equal("reconnecting", members[0].GetProperty("state").GetString());
        Assert.True(guest.Link.Single("welcome").GetProperty("room").GetProperty("host_present").GetBoolean());
    }

    [Fact]
    public void MemberNumbersFollowTheOrderOfFirstConnection()
    {
        var room = new RoomStateHarness();

        var numbers = new[] { room.Host("h"), room.Guest("a"), room.Guest("b") }
            .Select(member => member.Link.Single("welcome").GetProperty("you").GetProperty("member").GetInt32());

        Assert.Equal([1, 2, 3], numbers);
    }

    [Fact]
    public void MemberNumbersAreNeverReused()
    {
        var room = new RoomStateHarness();
        room.Host("h");
        var ann = room.Guest("a");
        ann.Close();

        var bob = room.Guest("b");

        Assert.Equal(3, bob.Number);
        Assert.Equal(3, bob.Link.Single("welcome").GetProperty("you").GetProperty("member").GetInt32());
    }

    [Fact]
    public void ReturningIdentityKeepsItsNumber()
    {
        var room = new RoomStateHarness();
        room.Host("h");
        var ann = room.Guest("a");
        room.Guest("b");
        ann.Close();

        var link = ann.Reconnect();

        Assert.Equal(2, link.Single("welcome").GetProperty("you").GetProperty("member").GetInt32());
    }

    [Fact]
    public void MemberJoinedGoesToEveryoneElseButNotTheJoiner()
    {
        var room = new RoomStateHarness();
        var host = room.Host("h");
        var ann = room.Guest("a", "Ann");

        var bob = room.Guest("b", "Bob");

        JsonAssert.Equal("""{"type":"member_joined","member":3,"name":"Bob","role":"guest","state":"connected","meta":{},"seq":2}""", host.Link.Last("member_joined"));
        JsonAssert.Equal("""{"type":"member_joined","member":3,"name":"Bob","role":"guest","state":"connected","meta":{},"seq":1}""", ann.Link.Single("member_joined"));
        Assert.False(bob.Link.Received("member_joined"));
    }

    [Fact]
    public void WelcomeComesFirstAndThenLayersWanted()
    {
        var room = new RoomStateHarness();

        var host = room.Host();

        Assert.Equal(["welcome", "layers_wanted"], host.Link.Types);
    }

    [Fact]
    public void SeqIncreasesByOneWithoutGapsPerReceiver()
    {
        var room = new RoomStateHarness();
        var host = room.Host("h");
        var ann = room.Guest("a");
        room.Guest("b");
        ann.Send("""{"type":"set_meta","meta":{"hand":true}}""");
        host.Send("""{"type":"lock"}""");
        host.Send("""{"type":"unlock"}""");
        var carl = room.Guest("c");
        carl.Close();

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], host.Link.EventSeqs);
        Assert.Equal([1, 2, 3, 4, 5], ann.Link.EventSeqs);
    }

    [Fact]
    public void SeqContinuesAcrossAFreshWelcomeAfterAReplace()
    {
        var room = new RoomStateHarness();
        room.Host("h");
        var ann = room.Guest("a");
        room.Guest("b");
        room.Guest("c");
        Assert.Equal([1, 2], ann.Link.EventSeqs);

        var link = ann.Reconnect();
        room.Guest("d");

        Assert.Equal(2, link.Single("welcome").GetProperty("seq").GetInt64());
        Assert.Equal([3], link.EventSeqs);
    }

    [Fact]
    public void SeqContinuesAcrossAFreshWelcomeAfterLeavingAndReturning()
    {
        var room = new RoomStateHarness();
        var host = room.Host("h");
        var ann = room.Guest("a");
        room.Guest("b");
        ann.Close();
        host.Send("""{"type":"lock"}""");

        var link = ann.Reconnect();
        host.Send("""{"type":"unlock"}""");

        Assert.Equal(1, link.Single("welcome").GetProperty("seq").GetInt64());
        Assert.Equal([2], link.EventSeqs);
        Assert.Equal([1, 2], ann.AllEventSeqs);
    }

    [Fact]
    public void EveryFreshWelcomeStartsANewSessionAndSecret()
    {
        var room = new RoomStateHarness();
        var host = room.Host();
        var first = host.Link.Single("welcome");

        var second = host.Reconnect().Single("welcome");

        Assert.NotEqual(first.GetProperty("session").GetString(), second.GetProperty("session").GetString());
        Assert.NotEqual(first.GetProperty("resume").GetProperty("secret").GetString(), second.GetProperty("resume").GetProperty("secret").GetString());
    }

    [Fact]
    public void ReplacingASocketClosesTheOldOneWith4000AndOthersSeeNothing()
    {
        var room = new RoomStateHarness();
        var host = room.Host();
        var ann = room.Guest("a");
        var old = ann.Link;
        host.Link.Clear();

        ann.Reconnect();

        Assert.Equal(4000, old.CloseCode);
        Assert.Empty(host.Link.Control);
        Assert.Empty(room.Listener.Departed);
    }
}
