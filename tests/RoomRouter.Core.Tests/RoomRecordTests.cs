using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Core.Tests;

// The recording state machine of a room: the first request starts, later ones add recipients, a host stops.
public sealed class RoomRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static Room RoomWithGuest()
    {
        var (_, _, room) = Room.Create("stream-1", 1, "host", "Hana", new RoomPolicy(), Now, "key").Join("guest", null, "Gus", "key", 50, Now.AddSeconds(30), Now);
        Assert.True(room.TryConfirm("guest", "stream-1", 1, out var confirmed));
        return confirmed;
    }

    [Fact]
    public void TheFirstRequest_Starts_WithTheRequesterAsRecipient_LaterOnesJoin_OnceEach()
    {
        var (started, room) = RoomWithGuest().Record("guest", on: true, "rec-1", "recorder-1", Now);
        var (joined, after) = room.Record("host", on: true, "rec-2", "recorder-2", Now);
        var (again, same) = after.Record("host", on: true, "rec-3", "recorder-3", Now);

        Assert.Equal((RecordDecision.Started, RecordDecision.Joined, RecordDecision.Joined), (started, joined, again));
        Assert.Equal(("rec-1", "recorder-1", Now), (same.Recording!.Id, same.Recording.RecorderClientId, same.Recording.StartedAt));
        Assert.Equal(["guest", "host"], same.Recording.Recipients);
        Assert.Same(after, same);
    }

    [Fact]
    public void OnlyAHostStops_AndAStopWithoutRecordingChangesNothing()
    {
        var (_, room) = RoomWithGuest().Record("guest", on: true, "rec-1", "recorder-1", Now);

        Assert.Equal(RecordDecision.NotHost, room.Record("guest", on: false, "x", "y", Now).Decision);
        var (stopped, after) = room.Record("host", on: false, "x", "y", Now);
        Assert.Equal(RecordDecision.Stopped, stopped);
        Assert.Null(after.Recording);
        Assert.Equal(RecordDecision.NotRecording, after.Record("host", on: false, "x", "y", Now).Decision);
    }

    [Fact]
    public void KnockersPendingSeatsAndStrangers_AreNotMembers()
    {
        var room = RoomWithGuest();
        var (_, _, withKnocker) = room.Join("knocker", null, "Kit", key: null, 50, Now.AddSeconds(30), Now);
        var (_, _, withPending) = room.Join("pending", null, "Pat", "key", 50, Now.AddSeconds(30), Now);

        Assert.Equal(RecordDecision.NotMember, withKnocker.Record("knocker", on: true, "r", "c", Now).Decision);
        Assert.Equal(RecordDecision.NotMember, withPending.Record("pending", on: true, "r", "c", Now).Decision);
        Assert.Equal(RecordDecision.NotMember, room.Record("stranger", on: true, "r", "c", Now).Decision);
        Assert.Equal(RecordDecision.NotMember, room.End().Record("host", on: true, "r", "c", Now).Decision);
    }

    [Fact]
    public void EndRecording_ByIdOrByItsRecorder_OnlyForTheOneGoing()
    {
        var (_, room) = RoomWithGuest().Record("host", on: true, "rec-1", "recorder-1", Now);

        Assert.Same(room, room.EndRecording("rec-0", null));
        Assert.Same(room, room.EndRecording(null, "someone-else"));
        Assert.Null(room.EndRecording("rec-1", null).Recording);
        Assert.Null(room.EndRecording(null, "recorder-1").Recording);
    }
}
