using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Core.Ledger;

// A pending ledger row. Stamp (its deadline, Unix ms) also identifies who holds it.
public readonly record struct Reservation(RoomId RoomId, string InstanceId, long Stamp)
{
    public DateTimeOffset Until => DateTimeOffset.FromUnixTimeMilliseconds(Stamp);
}
