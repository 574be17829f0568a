using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Core.V2;

public sealed class RoomStateBadInputTests
{
    private readonly RoomStateHarness _room = new(configure: options =>
    {
        options.BadMessagesPerMinute = 3;
        options.ControlMessageBurst = 5;
        options.ControlMessagesPerSecond = 2;
    });

    private readonly TestMember _host;
    private readonly TestMember _ann;

    public RoomStateBadInputTests()
    {
        _host = _room.Host("h");
        _ann = _room.Guest("a");
        _host.Link.Clear();
        _ann.Link.Clear();
    }

    [Theory]
    [InlineData("{\"type\":")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("""{"type":7}""")]
    [InlineData("""{"type":"dance"}""")]

    // Lone surrogates parse but throw when read: found by the v2 fuzz test, they ended the socket.
    [InlineData("""{"type":"\ud800"}""")]
    [InlineData("""{"\ud800":1,"type":"ping"}""")]
    [InlineData("""{"type":"ping","t":"\udfff"}""")]
    [InlineData("""{"type":"data","data":{"x":["\ud800"]}}""")]
    public void ABadMessageIsBadMessageTheSocketStaysAndNobodyElseSeesIt(string json)
    {
        _ann.Send(json);

        JsonAssert.Error(Assert.Single(_ann.Link.Control), "bad_message");
        Assert.False(_ann.Link.IsClosed);
        Assert.Empty(_host.Link.Control);
    }

    [Fact]
    public void AnUnknownTypeEchoesTheId()
    {
        _ann.Send("""{"type":"dance","id":"d1"}""");

        Assert.Equal("d1", _ann.Link.Single("error").GetProperty("id").GetString());
    }

    [Fact]
    public void PastTheBadMessageLimitTheSocketIsClosedWith1008AndTheMemberIsReconnecting()
    {
        for (var i = 0; i < 3; i++)
        {
            _ann.Send("nope");
        }

        Assert.False(_ann.Link.IsClosed);

        _ann.Send("nope");

        Assert.Equal((System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, CloseReason.BadMessages), (_ann.Link.Closes.Single().Status, _ann.Link.Closes.Single().Reason));
        JsonAssert.Equal("""{"type":"member_updated","member":2,"state":"reconnecting","seq":2}""", Assert.Single(_host.Link.Control));
        Assert.Empty(_room.Listener.Departed);
    }

    [Fact]
    public void AMemberClosedForBadMessagesLeavesAfterTheGraceUnlessItComesBack()
    {
        for (var i = 0; i < 4; i++)
        {
            _ann.Send("nope");
        }

        _room.Advance(_room.Options.ResumeGrace);

        Assert.Equal([("a", DepartureReason.Left)], _room.Listener.Departed);
        Assert.Equal("timeout", _host.Link.Single("member_left").GetProperty("reason").GetString());
    }

    [Fact]
    public void TheBadMessageAllowanceRefillsOverTime()
    {
        for (var i = 0; i < 3; i++)
        {
            _ann.Send("nope");
        }

        _room.Advance(TimeSpan.FromSeconds(20));
        _ann.Send("nope");

        Assert.False(_ann.Link.IsClosed);
    }

    [Fact]
    public void MoreThanTheBurstInOneInstantIsRateLimited()
    {
        for (var i = 0; i < 5; i++)
        {
            _ann.Send("""{"type":"ping","t":1}""");
        }

        _ann.Send("""{"type":"ping","t":2}""");

        Assert.Equal(["pong", "pong", "pong", "pong", "pong", "error"], _ann.Link.Types);
        JsonAssert.Error(_ann.Link.Control[^1], "rate_limited");
        Assert.False(_ann.Link.IsClosed);
    }

    [Fact]
    public void ARateLimitedMessageHasNoEffect()
    {
        for (var i = 0; i < 5; i++)
        {
            _ann.Send("""{"type":"ping"}""");
        }

        _ann.Send("""{"type":"data","data":"lost"}""");

        Assert.Empty(_host.Link.Control);
    }

    [Fact]
    public void TheRateLimitRefillsAsTimePasses()
    {
        for (var i = 0; i < 6; i++)
        {
            _ann.Send("""{"type":"ping"}""");
        }

        _room.Advance(TimeSpan.FromSeconds(1));
        _ann.Link.Clear();
        _ann.Send("""{"type":"ping"}""");
        _ann.Send("""{"type":"ping"}""");
        _ann.Send("""{"type":"ping"}""");

        Assert.Equal(["pong", "pong", "error"], _ann.Link.Types);
    }

    [Fact]
    public void RateLimitedMessagesCountTowardTheBadMessageLimit()
    {
        for (var i = 0; i < 5 + 3; i++)
        {
            _ann.Send("""{"type":"ping"}""");
        }

        Assert.False(_ann.Link.IsClosed);

        _ann.Send("""{"type":"ping"}""");

        Assert.Equal(1008, _ann.Link.CloseCode);
    }

    [Fact]
    public void AnOversizedControlMessageIsTooLargeAndTheSocketStays()
    {
        _room.Room.RefuseOversized(_ann.Member, _ann.Link);

        JsonAssert.Error(Assert.Single(_ann.Link.Control), "too_large");
        Assert.False(_ann.Link.IsClosed);
        Assert.Empty(_host.Link.Control);
    }

    [Fact]
    public void ABadMediaHeaderIsBadMessageAndCountsTowardTheLimit()
    {
        for (var i = 0; i < 3; i++)
        {
            _room.Room.RefuseMedia(_ann.Member, _ann.Link);
        }

        Assert.Equal(["error", "error", "error"], _ann.Link.Types);
        JsonAssert.Error(_ann.Link.Control[0], "bad_message");
        Assert.False(_ann.Link.IsClosed);

        _room.Room.RefuseMedia(_ann.Member, _ann.Link);

        Assert.Equal(1008, _ann.Link.CloseCode);
    }

    [Fact]
    public void AJoinerInTheLobbyClosedForBadMessagesKeepsItsKnockForTheGrace()
    {
        _host.Send("""{"type":"lock"}""");
        var joiner = _room.Guest("w");
        _host.Link.Clear();

        for (var i = 0; i < 4; i++)
        {
            joiner.Send("nope");
        }

        Assert.Equal(1008, joiner.Link.CloseCode);
        Assert.Empty(_host.Link.Control);
    }
}
