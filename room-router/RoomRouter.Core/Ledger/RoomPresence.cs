namespace AvatarStream.RoomRouter.Core.Ledger;

/// <summary>What the ledger knows about a room id.</summary>
public enum RoomPresence
{
    /// <summary>No row and no live tombstone: the room never existed, ended normally, or its tombstone expired.</summary>
    Absent,

    /// <summary>The room has a row (committed or pending).</summary>
    Present,

    /// <summary>The room was evicted with its dead stream instance; it is no longer valid.</summary>
    Gone,
}
