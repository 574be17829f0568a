using System.Net.WebSockets;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;
using AvatarStream.StreamService.Tests.Infrastructure;

namespace AvatarStream.StreamService.Tests.Core.V2;

// The recorder's hidden seat: it sees the room, nobody sees it, it only receives, and while it is there the room is
// recording, which everyone is told.
public sealed class RoomStateRecorderTests
{
    private readonly RoomStateHarness _room = new();
    private readonly TestMember _host;
    private readonly TestMember _guest;

    public RoomStateRecorderTests()
    {
        _host = _room.Host("h");
        _guest = _room.Guest("g", "Gil");
    }

    [Fact]
    public void TheRecorderSeesTheMembersAndNobodySeesIt()
    {
        _host.Link.Clear();
        _guest.Link.Clear();

        var recorder = _room.Recorder();
        var late = _room.Guest("l", "Lou");

        var welcome = recorder.Link.Single("welcome");
        Assert.Equal(RoomRoles.Recorder, welcome.GetProperty("you").GetProperty("role").GetString());
        Assert.Equal([_host.Number, _guest.Number], JsonAssert.Numbers(welcome.GetProperty("members")));
        Assert.Equal(0, welcome.GetProperty("resume").GetProperty("grace_seconds").GetInt32());
        Assert.Equal(late.Number, recorder.Link.Single("member_joined").GetProperty("member").GetInt32());
        Assert.Equal([_host.Number, _guest.Number, late.Number], JsonAssert.Numbers(late.Link.Single("welcome").GetProperty("members")));
        Assert.Equal(late.Number, _host.Link.Single("member_joined").GetProperty("member").GetInt32());
        Assert.DoesNotContain(_guest.Link.Events, message => message.TryGetProperty("member", out var number) && number.GetInt32() == recorder.Number);
    }

    [Fact]
    public void EveryoneSeesRecordingStartWhenTheRecorderArrivesAndStopWhenItsSocketGoes()
    {
        _host.Link.Clear();
        _guest.Link.Clear();

        var recorder = _room.Recorder();

        foreach (var member in new[] { _host, _guest, recorder })
        {
            JsonAssert.Equal($$"""{"type":"room_updated","locked":false,"recording":true,"seq":{{member.Member.Seq}}}""", Assert.Single(member.Link.Events));
        }

        var late = _room.Guest("l");
        Assert.True(late.Link.Single("welcome").GetProperty("room").GetProperty("recording").GetBoolean());
        _host.Link.Clear();
        _guest.Link.Clear();

        // A drop, not a close: a person would be reconnecting, the recorder is gone at once.
        recorder.Drop();

        foreach (var member in new[] { _host, _guest })
        {
            JsonAssert.Equal($$"""{"type":"room_updated","locked":false,"recording":false,"seq":{{member.Member.Seq}}}""", Assert.Single(member.Link.Events));
        }

        Assert.Equal([("rec", DepartureReason.Left)], _room.Listener.Departed);
    }

    [Fact]
    public void RoomUpdatedAboutTheLockCarriesTheRecordingToo()
    {
        _room.Recorder();
        _guest.Link.Clear();

        _host.Send("""{"type":"lock"}""");

        JsonAssert.Equal($$"""{"type":"room_updated","locked":true,"recording":true,"seq":{{_guest.Member.Seq}}}""", Assert.Single(_guest.Link.Events));
    }

    [Fact]
    public void TheRecorderReceivesEveryonesMediaAndSendsNone()
    {
        var recorder = _room.Recorder();

        recorder.Send("""{"type":"subscribe","all":true,"layer":2}""");

        Assert.Same(MediaRoute.Nobody, recorder.Member.Route);
        foreach (var publisher in new[] { _host, _guest })
        {
            Assert.Contains(recorder.Link, publisher.Member.Route.Video(2).ToArray());
            Assert.Contains(recorder.Link, publisher.Member.Route.Everyone.ToArray());
            Assert.DoesNotContain(recorder.Link, publisher.Member.Route.Video(0).ToArray());
        }

        // The guest still wants layer 0 of the host, the recorder layer 2.
        Assert.Equal([0, 2], JsonAssert.Ints(_host.Link.Last("layers_wanted").GetProperty("layers")));
    }

    [Fact]
    public void TheRecorderGetsEveryPublisherBeyondTheFeedLimitAndTakesNoFeedOfAnyone()
    {
        // The recorder's number comes before theirs: were it a publisher, it would take one of the 49 places.
        var recorder = _room.Recorder();
        var guests = Enumerable.Range(0, ProtocolLimits.MaxFeeds).Select(i => _room.Guest($"g{i}")).ToList();
        List<TestMember> people = [_host, _guest, .. guests];

        recorder.Send("""{"type":"subscribe","all":true,"layer":1}""");

        Assert.True(people.Count > ProtocolLimits.MaxFeeds);
        Assert.All(people, publisher => Assert.Contains(recorder.Link, publisher.Member.Route.Video(1).ToArray()));
        var last = guests[^1];
        Assert.Equal(ProtocolLimits.MaxFeeds, people.Count(publisher => publisher.Member.Route.Video(0).ToArray().Contains(last.Link)));
    }

    [Theory]
    [InlineData("""{"type":"lock","id":"x"}""")]
    [InlineData("""{"type":"end_room","id":"x"}""")]
    [InlineData("""{"type":"set_meta","meta":{},"id":"x"}""")]
    [InlineData("""{"type":"data","data":1,"id":"x"}""")]
    [InlineData("""{"type":"record","on":false,"id":"x"}""")]
    public void TheRecorderMaySendNothingButPingAndSubscribe(string json)
    {
        var recorder = _room.Recorder();
        recorder.Link.Clear();
        _host.Link.Clear();

        recorder.Send(json);

        var error = Assert.Single(recorder.Link.Control);
        JsonAssert.Error(error, ErrorCodes.NotAllowed);
        Assert.Equal("x", error.GetProperty("id").GetString());
        Assert.Empty(_host.Link.Control);
        Assert.Empty(_room.Listener.RecordRequests);
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("make_host")]
    public void AHostCannotNameTheRecorder(string type)
    {
        var recorder = _room.Recorder();
        _host.Link.Clear();

        _host.Send($$"""{"type":"{{type}}","member":{{recorder.Number}}}""");

        JsonAssert.Error(Assert.Single(_host.Link.Control), ErrorCodes.UnknownMember);
        Assert.False(recorder.Link.IsClosed);
        Assert.False(recorder.Member.IsHost);
    }

    [Fact]
    public void TheRecorderNeverKnocksAndNeverTakesTheRoomOver()
    {
        _host.Send("""{"type":"lock"}""");
        var recorder = _room.Recorder();
        Assert.True(recorder.Link.Received("welcome"));
        Assert.False(_host.Link.Received("knock"));

        _host.Close();

        Assert.Equal(RoomRoles.Host, _guest.Member.Role);
        Assert.Equal(RoomRoles.Recorder, recorder.Member.Role);
        Assert.False(recorder.Link.IsClosed);
    }

    [Fact]
    public void TheLastPersonLeavingForGoodClosesTheRecorder()
    {
        var recorder = _room.Recorder();
        _guest.Close();
        _host.Drop();
        Assert.False(recorder.Link.IsClosed);

        _room.Advance(_room.Options.ResumeGrace);

        JsonAssert.Equal("""{"type":"room_ended","reason":"empty"}""", recorder.Link.Last("room_ended"));
        Assert.Equal((int)WebSocketCloseStatus.NormalClosure, recorder.Link.CloseCode);
        Assert.Contains(("rec", DepartureReason.Left), _room.Listener.Departed);
        Assert.Equal(0, _room.Listener.RoomEndedCalls);
    }

    [Fact]
    public void ARecorderIsRefusedInARoomWithNobodyLeft()
    {
        _host.Close();
        _guest.Close();

        Assert.Null(_room.TryConnect("rec", new MemberProfile(false, "Recorder", IsRecorder: true), new FakeMemberLink("rec#1")));
    }

    [Fact]
    public void DataToEveryoneSkipsTheRecorder()
    {
        var recorder = _room.Recorder();
        recorder.Link.Clear();

        _guest.Send("""{"type":"data","data":"hi"}""");
        _guest.Send($$"""{"type":"data","to":[{{recorder.Number}}],"data":"psst"}""");

        Assert.False(recorder.Link.Received("data"));
        Assert.True(_host.Link.Received("data"));
        JsonAssert.Error(_guest.Link.Last("error"), ErrorCodes.UnknownMember);
    }

    [Fact]
    public void RecordFromAMemberGoesToTheListenerWithItsId()
    {
        _guest.Send("""{"type":"record","on":true,"id":"r1"}""");
        _host.Send("""{"type":"record","on":false}""");

        Assert.Equal(2, _room.Listener.RecordRequests.Count);
        var (clientId, on, id) = _room.Listener.RecordRequests[0];
        Assert.Equal(("g", true, "r1"), (clientId, on, id?.GetString()));
        Assert.Equal(("h", false, (System.Text.Json.JsonElement?)null), _room.Listener.RecordRequests[1]);
    }

    [Theory]
    [InlineData("""{"type":"record"}""")]
    [InlineData("""{"type":"record","on":"yes"}""")]
    public void RecordWithoutABooleanOnIsABadMessage(string json)
    {
        _guest.Link.Clear();

        _guest.Send(json);

        JsonAssert.Error(Assert.Single(_guest.Link.Control), ErrorCodes.BadMessage);
        Assert.Empty(_room.Listener.RecordRequests);
    }

    [Fact]
    public void AKnockerMayNotAskForARecording()
    {
        _host.Send("""{"type":"lock"}""");
        var knocker = _room.Guest("k");

        knocker.Send("""{"type":"record","on":true}""");

        JsonAssert.Error(knocker.Link.Last("error"), ErrorCodes.NotAllowed);
        Assert.Empty(_room.Listener.RecordRequests);
    }

    [Fact]
    public void ARefusalReachesOnlyTheMemberItIsAbout()
    {
        _host.Link.Clear();
        _guest.Link.Clear();

        _room.Room.Refuse("g", ErrorCodes.RecordingUnavailable, "no recorder free", JsonAssert.Parse("7"));

        var error = Assert.Single(_guest.Link.Control);
        JsonAssert.Error(error, ErrorCodes.RecordingUnavailable);
        Assert.Equal(7, error.GetProperty("id").GetInt32());
        Assert.Empty(_host.Link.Control);
    }

    [Fact]
    public void NotifyReachesTheListedConnectedMembersOnly()
    {
        var away = _room.Guest("a");
        away.Drop();
        _host.Link.Clear();
        _guest.Link.Clear();

        var delivered = _room.Room.Notify(["g", "a", "nobody"], FakeMemberLink.Utf8("""{"type":"recording_ready","recording":"r"}"""));

        Assert.Equal(1, delivered);
        Assert.Equal("recording_ready", FakeMemberLink.TypeOf(Assert.Single(_guest.Link.Control)));
        Assert.Empty(_host.Link.Control);
    }
}
