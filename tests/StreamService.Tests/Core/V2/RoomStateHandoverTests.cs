using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Core.V2;

public sealed class RoomStateHandoverTests
{
    private readonly RoomStateHarness _room = new();

    [Fact]
    public void WhenTheLastHostClosesTheEarliestAdmittedGuestBecomesHost()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");
        var bob = _room.Guest("b");
        ann.Link.Clear();
        bob.Link.Clear();

        host.Close();

        Assert.Equal([("h", DepartureReason.Left)], _room.Listener.Departed);
        Assert.Equal(["member_left", "member_updated"], bob.Link.Types.Where(type => type != "layers_wanted"));
        JsonAssert.Equal("""{"type":"member_left","member":1,"reason":"left","seq":1}""", bob.Link.Control[0]);
        JsonAssert.Equal("""{"type":"member_updated","member":2,"role":"host","seq":2}""", bob.Link.Single("member_updated"));
        JsonAssert.Equal("""{"type":"member_updated","member":2,"role":"host","seq":3}""", ann.Link.Single("member_updated"));
        Assert.True(ann.Member.IsHost);
        Assert.False(bob.Member.IsHost);
    }

    [Fact]
    public void WhenTheLastHostsGraceEndsTheEarliestAdmittedGuestBecomesHost()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");
        ann.Link.Clear();
        host.Drop();

        _room.Advance(_room.Options.ResumeGrace);

        Assert.Equal(["member_updated", "member_left", "member_updated"], ann.Link.Types.Where(type => type != "layers_wanted"));
        Assert.Equal("timeout", ann.Link.Single("member_left").GetProperty("reason").GetString());
        Assert.Equal("host", ann.Link.Last("member_updated").GetProperty("role").GetString());
        Assert.Equal([("h", DepartureReason.Left)], _room.Listener.Departed);
    }

    [Fact]
    public void AReconnectingHostStillCountsAsPresentUntilItsGraceEnds()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");
        host.Drop();

        _room.Advance(_room.Options.ResumeGrace - TimeSpan.FromSeconds(1));
        var bob = _room.Guest("b");

        Assert.False(ann.Member.IsHost);
        Assert.DoesNotContain(ann.Link.OfType("member_updated"), message => message.TryGetProperty("role", out _));
        Assert.True(bob.Link.Single("welcome").GetProperty("room").GetProperty("host_present").GetBoolean());
    }

    [Fact]
    public void TheHeirIsTheEarliestAdmittedNotTheLowestNumber()
    {
        var room = RoomStateHarness.Locked();
        var host = room.Host("h");
        var ann = room.Guest("a");
        var bob = room.Guest("b");
        host.Send("""{"type":"admit","member":3}""");
        host.Send("""{"type":"admit","member":2}""");

        host.Close();

        Assert.True(bob.Member.IsHost);
        Assert.False(ann.Member.IsHost);
        Assert.Equal(3, ann.Link.Last("member_updated").GetProperty("member").GetInt32());
    }

    [Fact]
    public void AReconnectingGuestCanBeTheHeir()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");
        var bob = _room.Guest("b");
        ann.Drop();

        host.Close();

        Assert.True(ann.Member.IsHost);
        Assert.Equal(2, bob.Link.Last("member_updated").GetProperty("member").GetInt32());
        var link = ann.Reconnect(ann.ResumeRequest());
        var missed = link.Single("resumed").GetProperty("missed");
        Assert.Equal(["member_left", "member_updated"], missed.EnumerateArray().Select(FakeMemberLink.TypeOf));
    }

    [Fact]
    public void NoHandoverWhileAnotherHostRemains()
    {
        var host = _room.Host("h");
        var cohost = _room.Host("h2");
        var ann = _room.Guest("a");
        ann.Link.Clear();

        host.Close();

        Assert.Equal(["member_left"], ann.Link.Types.Where(type => type != "layers_wanted"));
        Assert.False(ann.Member.IsHost);
        Assert.True(cohost.Member.IsHost);
    }

    [Fact]
    public void AFormerHostThatReturnsIsStillAHost()
    {
        var host = _room.Host("h");
        var ann = _room.Guest("a");
        host.Close();

        var link = host.Reconnect();

        Assert.Equal("host", link.Single("welcome").GetProperty("you").GetProperty("role").GetString());
        Assert.True(ann.Member.IsHost);
    }

    [Fact]
    public void AMemberEnteringAfterTheLastHostLeftBecomesHost()
    {
        var host = _room.Host("h");
        host.Close();

        var ann = _room.Guest("a");

        Assert.Equal(["welcome", "member_updated", "layers_wanted"], ann.Link.Types);
        JsonAssert.Equal("""{"type":"member_updated","member":2,"role":"host","seq":1}""", ann.Link.Single("member_updated"));
        Assert.True(ann.Member.IsHost);
    }

    [Fact]
    public void AnAdmittedGuestReturningToARoomWhoseHostsLeftTakesOverTheWaitingKnocks()
    {
        var room = RoomStateHarness.Locked();
        var host = room.Host("h");
        host.Send("""{"type":"unlock"}""");
        var ann = room.Guest("a");
        host.Send("""{"type":"lock"}""");
        var joiner = room.Guest("w", "Wanda");
        ann.Close();
        host.Close();
        joiner.Link.Clear();

        var link = ann.Reconnect();
        ann.Send("""{"type":"admit","member":3}""");

        Assert.Equal(["welcome", "member_updated", "knock"], link.Types.Take(3));
        Assert.Equal(3, link.Single("knock").GetProperty("member").GetInt32());
        Assert.Empty(link.OfType("error"));
        JsonAssert.Equal("""{"type":"waiting","room":"04217","host_present":true}""", joiner.Link.Control[0]);
        Assert.True(joiner.Link.Received("welcome"));
    }
}
