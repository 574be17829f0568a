namespace AvatarStream.RoomRouter.Core.Rooms;

// One client's place in a room: who it is there (role, name) and, while the stream instance has not admitted it yet,
// the deadline after which the seat is free again. Knocking: it joined without the room's key, so its socket waits in
// the lobby until a host admits it.
public sealed record Seat(MemberRole Role, string Name, DateTimeOffset? PendingUntil, bool Knocking = false)
{
    public bool IsLive(DateTimeOffset now) => PendingUntil is null || PendingUntil > now;
}
