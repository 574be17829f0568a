namespace AvatarStream.RoomRouter.Core.Ledger;

// What the ledger knows about a room id.
public enum RoomPresence
{
    // No row and no live tombstone: the room never existed, its last client left, or its tombstone expired.
    Absent,

    // The room has a row (committed or pending).
    Present,

    // The room was evicted with its dead stream instance; it is no longer valid.
    Gone,

    // The room's host ended it.
    Ended,
}
