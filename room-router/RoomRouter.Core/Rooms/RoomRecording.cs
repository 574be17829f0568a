namespace AvatarStream.RoomRouter.Core.Rooms;

// The recording a room has going: its id, the recorder's hidden seat (a client id the instance knows, never a seat of
// the room's own, so it counts in no limit), and who asked for it, who gets the link.
public sealed record RoomRecording(string Id, string RecorderClientId, DateTimeOffset StartedAt, IReadOnlyList<string> Recipients);

// What a member's record request did.
public enum RecordDecision
{
    // The room was not recording: this request starts a recording, the requester its first recipient.
    Started,

    // The room was recording: the requester is one of its recipients now (or was already).
    Joined,

    // A host stopped the recording.
    Stopped,

    // A stop from a member who is not a host.
    NotHost,

    // A stop while nothing is recording: nothing to do.
    NotRecording,

    // The requester holds no admitted seat (knocking, pending, gone) or the room ended.
    NotMember,
}
