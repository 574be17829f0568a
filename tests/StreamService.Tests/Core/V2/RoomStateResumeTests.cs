using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Core.V2;

public sealed class RoomStateResumeTests
{
    private readonly RoomStateHarness _room = new(configure: options => options.ControlMessageBurst = 1000);
    private readonly TestMember _host;
    private readonly TestMember _ann;

    public RoomStateResumeTests()
    {
        _host = _room.Host("h");
        _ann = _room.Guest("a");
        _host.Link.Clear();
    }

    [Fact]
    public void ADroppedMemberIsReconnectingForTheOthers()
    {
        _ann.Drop();

        JsonAssert.Equal("""{"type":"member_updated","member":2,"state":"reconnecting","seq":2}""", Assert.Single(_host.Link.Control));
        Assert.Empty(_room.Listener.Departed);
    }

    [Fact]
    public void ResumingWithinTheGraceRecoversTheMissedEventsInOrder()
    {
        _ann.Drop();
        _room.Advance(_room.Options.ResumeGrace - TimeSpan.FromSeconds(1));
        _room.Guest("b", "Bob");
        _host.Send("""{"type":"set_meta","meta":{"muted":true}}""");
        var request = _ann.ResumeRequest();

        var link = _ann.Reconnect(request);

        Assert.Equal(["resumed", "layers_wanted"], link.Types);
        var resumed = link.Single("resumed");
        Assert.True(resumed.GetProperty("recovered").GetBoolean());
        Assert.Equal(2, resumed.GetProperty("seq").GetInt64());
        JsonAssert.Equal(
            """
            [{"type":"member_joined","member":3,"name":"Bob","role":"guest","state":"connected","meta":{},"seq":1},
             {"type":"member_updated","member":1,"meta":{"muted":true},"seq":2}]
            """,
            resumed.GetProperty("missed"));
        var resume = resumed.GetProperty("resume");
        Assert.NotEqual(request.Secret, resume.GetProperty("secret").GetString());
        Assert.Equal(30, resume.GetProperty("grace_seconds").GetInt32());
    }

    [Fact]
    public void OnlyEventsAfterLastSeqAreReplayed()
    {
        _room.Guest("b");
        _ann.Drop();
        _host.Send("""{"type":"lock"}""");

        var link = _ann.Reconnect(_ann.ResumeRequest());

        var missed = link.Single("resumed").GetProperty("missed");
        Assert.Equal([2], missed.EnumerateArray().Select(message => message.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public void OthersSeeAResumeAsConnectedAgainNeverAsLeaveAndJoin()
    {
        _ann.Drop();

        _ann.Reconnect(_ann.ResumeRequest());

        Assert.Equal(["member_updated", "member_updated"], _host.Link.Types);
        Assert.Equal("connected", _host.Link.Last("member_updated").GetProperty("state").GetString());
        Assert.Empty(_room.Listener.Departed);
    }

    [Fact]
    public void ResumingAgainWithTheOldSecretGetsAFreshWelcome()
    {
        _ann.Drop();
        var request = _ann.ResumeRequest();
        _ann.Reconnect(request);
        _ann.Drop();

        var link = _ann.Reconnect(request);

        Assert.Equal("welcome", FakeMemberLink.TypeOf(link.Control[0]));
        Assert.False(link.Received("resumed"));
    }

    [Fact]
    public void EveryResumeRotatesTheSecret()
    {
        _ann.Drop();
        var first = _ann.Reconnect(_ann.ResumeRequest()).Single("resumed");
        _ann.Drop();

        var second = _ann.Reconnect(_ann.ResumeRequest()).Single("resumed");

        Assert.NotEqual(first.GetProperty("resume").GetProperty("secret").GetString(), second.GetProperty("resume").GetProperty("secret").GetString());
    }

    [Fact]
    public void ResumingWithAWrongSessionGetsAFreshWelcome()
    {
        _ann.Drop();
        var request = _ann.ResumeRequest() with { Session = "not-the-session" };

        var link = _ann.Reconnect(request);

        Assert.Equal("welcome", FakeMemberLink.TypeOf(link.Control[0]));
        Assert.Equal("connected", _host.Link.Last("member_updated").GetProperty("state").GetString());
    }

    [Fact]
    public void ResumingWithAWrongSecretGetsAFreshWelcome()
    {
        _ann.Drop();
        var request = _ann.ResumeRequest() with { Secret = "AAAAAAAAAAAAAAAAAAAAAA" };

        var link = _ann.Reconnect(request);

        Assert.Equal("welcome", FakeMemberLink.TypeOf(link.Control[0]));
    }

    [Fact]
    public void ResumingFromAFutureSeqGetsAFreshWelcome()
    {
        _ann.Drop();
        var request = _ann.ResumeRequest() with { LastSeq = 5 };

        var link = _ann.Reconnect(request);

        Assert.Equal("welcome", FakeMemberLink.TypeOf(link.Control[0]));
    }

    [Fact]
    public void The256MostRecentEventsAreKeptForAResume()
    {
        _ann.Drop();
        var request = _ann.ResumeRequest();
        ToggleLock(256);

        var link = _ann.Reconnect(request);

        var resumed = link.Single("resumed");
        var seqs = resumed.GetProperty("missed").EnumerateArray().Select(message => message.GetProperty("seq").GetInt64());
        Assert.Equal(Enumerable.Range(1, 256).Select(seq => (long)seq), seqs);
    }

    [Fact]
    public void MissingEventsOlderThanTheKeptOnesGetAFreshWelcome()
    {
        _ann.Drop();
        var request = _ann.ResumeRequest();
        ToggleLock(257);

        var link = _ann.Reconnect(request);

        var welcome = link.Single("welcome");
        Assert.Equal(257, welcome.GetProperty("seq").GetInt64());
        Assert.False(link.Received("resumed"));
    }

    [Fact]
    public void AfterTheGraceTheMemberLeavesWithTimeout()
    {
        _ann.Drop();
        _room.Advance(_room.Options.ResumeGrace - TimeSpan.FromSeconds(1));
        Assert.Empty(_room.Listener.Departed);

        _room.Advance(TimeSpan.FromSeconds(1));

        JsonAssert.Equal("""{"type":"member_left","member":2,"reason":"timeout","seq":3}""", _host.Link.Single("member_left"));
        Assert.Equal([("a", DepartureReason.Left)], _room.Listener.Departed);
    }

    [Fact]
    public void AResumeAfterTheGraceGetsAFreshWelcomeAsAReturningMember()
    {
        _ann.Drop();
        var request = _ann.ResumeRequest();
        _room.Advance(_room.Options.ResumeGrace);
        _host.Link.Clear();

        var link = _ann.Reconnect(request);

        Assert.Equal("welcome", FakeMemberLink.TypeOf(link.Control[0]));
        Assert.Equal(2, link.Single("welcome").GetProperty("you").GetProperty("member").GetInt32());
        Assert.Equal(2, _host.Link.Single("member_joined").GetProperty("member").GetInt32());
    }

    [Fact]
    public void AClientCloseLeavesAtOnce()
    {
        _ann.Close();

        JsonAssert.Equal("""{"type":"member_left","member":2,"reason":"left","seq":2}""", Assert.Single(_host.Link.Control, message => FakeMemberLink.TypeOf(message) != "layers_wanted"));
        Assert.Equal([("a", DepartureReason.Left)], _room.Listener.Departed);
    }

    [Fact]
    public void AResumedMembersGraceTimerNoLongerFires()
    {
        _ann.Drop();
        _ann.Reconnect(_ann.ResumeRequest());

        _room.Advance(_room.Options.ResumeGrace * 2);

        Assert.False(_host.Link.Received("member_left"));
        Assert.Empty(_room.Listener.Departed);
    }

    [Fact]
    public void AResumeRestartsTheGraceOnTheNextDrop()
    {
        _ann.Drop();
        _room.Advance(_room.Options.ResumeGrace - TimeSpan.FromSeconds(1));
        _ann.Reconnect(_ann.ResumeRequest());
        _ann.Drop();

        _room.Advance(_room.Options.ResumeGrace - TimeSpan.FromSeconds(1));

        Assert.Empty(_room.Listener.Departed);
        _room.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([("a", DepartureReason.Left)], _room.Listener.Departed);
    }

    private void ToggleLock(int events)
    {
        for (var i = 0; i < events; i++)
        {
            _host.Send(i % 2 == 0 ? """{"type":"lock"}""" : """{"type":"unlock"}""");
        }
    }
}
