using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Core.Ledger;

/// <summary>A pending ledger row. <paramref name="Stamp"/> (its deadline, Unix ms) also identifies who holds it.</summary>
public readonly record struct Reservation(RoomId RoomId, string InstanceId, long Stamp)
{
    public DateTimeOffset Until => DateTimeOffset.FromUnixTimeMilliseconds(Stamp);
}
