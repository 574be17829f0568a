namespace AvatarStream.StreamService.Core;

// Whether a socket may join its room, decided before the upgrade.
public enum JoinStatus
{
    Joined,

    // No seat for this pair on this instance (401).
    NotSeated,

    // A host removed or denied this identity (403).
    Barred,

    // A host ended the room (410).
    RoomEnded,

    // The room speaks the other protocol (409).
    ProtocolMismatch,

    // The seat must knock (it came without the room's key) and v1 has no lobby (403).
    KnockNeedsV2,

    // The instance is draining or shutting down (503): the room may have moved, so ask join-room again.
    Stopping,
}
