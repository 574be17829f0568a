namespace AvatarStream.RoomRouter.Core.Rooms;

// One client's place in a room: who it is there (role, name) and, while the stream instance has not admitted it yet,
// the deadline after which the seat is free again.
public sealed record Seat(MemberRole Role, string Name, DateTimeOffset? PendingUntil)
{
    public bool IsLive(DateTimeOffset now) => PendingUntil is null || PendingUntil > now;
}
