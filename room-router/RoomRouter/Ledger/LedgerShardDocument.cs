using System.Globalization;
using AvatarStream.RoomRouter.Core.Ledger;
using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Ledger;

// How a ledger shard is stored: room numbers grouped by instance (compact), plus the pending deadlines.
// Rooms: instance id to its room numbers in this shard.
// Pending: room number (as text; JSON keys are strings) to its pending deadline, Unix ms.
// Moving: room number (as text) to its moving deadline, Unix ms: rooms waiting to move off a dead instance.
// Gone: room number (as text) to the expiry of its tombstone, Unix ms: rooms that expired while moving.
// Ended: room number (as text) to the expiry of its tombstone, Unix ms: rooms their host ended.
internal sealed record LedgerShardDocument(
    Dictionary<string, int[]> Rooms,
    Dictionary<string, long>? Pending,
    Dictionary<string, long>? Gone = null,
    Dictionary<string, long>? Ended = null,
    Dictionary<string, long>? Moving = null)
{
    public static LedgerShardDocument From(LedgerShard shard) =>
        new(
            shard.Rows.GroupBy(row => row.InstanceId, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Select(row => row.RoomId.Value).Order().ToArray(), StringComparer.Ordinal),
            Stamps(shard.Pending),
            Stamps(shard.Gone),
            Stamps(shard.Ended),
            Stamps(shard.Moving));

    public static LedgerShard ToShard(int index, LedgerShardDocument? document)
    {
        var shard = new LedgerShard(index);
        if (document is null)
        {
            return shard;
        }

        foreach (var (instanceId, rooms) in document.Rooms)
        {
            foreach (var room in rooms)
            {
                long? stamp = document.Pending?.TryGetValue(room.ToString(CultureInfo.InvariantCulture), out var until) == true ? until : null;
                shard.Load(new RoomId(room), instanceId, stamp);
            }
        }

        foreach (var (room, until) in document.Moving ?? [])
        {
            shard.LoadMoving(new RoomId(int.Parse(room, CultureInfo.InvariantCulture)), until);
        }

        foreach (var (room, until) in document.Gone ?? [])
        {
            shard.LoadGone(new RoomId(int.Parse(room, CultureInfo.InvariantCulture)), until);
        }

        foreach (var (room, until) in document.Ended ?? [])
        {
            shard.LoadEnded(new RoomId(int.Parse(room, CultureInfo.InvariantCulture)), until);
        }

        return shard;
    }

    // Room number to stamp, keyed by the number as text; null when empty, to keep the stored shard small.
    private static Dictionary<string, long>? Stamps(IReadOnlyDictionary<int, long> stamps) =>
        stamps.Count == 0 ? null : stamps.ToDictionary(row => row.Key.ToString(CultureInfo.InvariantCulture), row => row.Value);
}
