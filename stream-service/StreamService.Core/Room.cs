using AvatarStream.StreamService.Core.V2;

namespace AvatarStream.StreamService.Core;

// A room on this instance: its seated clients and the member set that frames fan out to.
internal sealed class Room(string id, RoomSetup setup)
{
    private MemberSet _members = MemberSet.Empty;

    public string Id => id;

    // What the room was created with (lobby, join window), from its first registration.
    public RoomSetup Setup => setup;

    // Read lock-free by every receive loop; replaced whole under the registry lock.
    public MemberSet Members
    {
        get => Volatile.Read(ref _members);
        set => Volatile.Write(ref _members, value);
    }

    // Seats, connected or not yet; guarded by the registry lock.
    public SeatTable Seats { get; } = new();

    // Fixed by the first connection; guarded by the registry lock.
    public RoomProtocol Protocol { get; set; }

    // The v2 room, created by its first v2 connection.
    public RoomState? State { get; set; }

    // Dropped after a placement-era change: the room moved, and its seats stay with the router, so no departure is
    // reported from it. Guarded by the registry lock.
    public bool Dropped { get; set; }
}
