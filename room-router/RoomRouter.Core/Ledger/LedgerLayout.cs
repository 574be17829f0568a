using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Core.Ledger;

// The room ledger (which ids are taken, by which instance, and how many rooms exist) is split into shards by
// room_id % ShardCount, and MaxRooms is split into per-shard quotas that add up to it exactly.
// Each shard is one state-store key updated by ETag compare-and-swap, so a create touches one small document and
// concurrent creates collide only when they land on the same shard (1 in 256), instead of all serializing through
// one counter or one actor. No shard ever exceeds its quota, so the rooms never exceed MaxRooms.
public static class LedgerLayout
{
    // Fixed forever for a store: a room's shard is derived from its id.
    public const int ShardCount = 256;

    public static int ShardOf(RoomId id) => id.Value % ShardCount;

    // How many rooms a shard may hold; the quotas of all shards add up to maxRooms.
    public static int Quota(int shard, int maxRooms)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, ShardCount);
        return Math.Min((maxRooms / ShardCount) + (shard < maxRooms % ShardCount ? 1 : 0), IdsIn(shard));
    }

    // How many room ids map to shard.
    public static int IdsIn(int shard) => ((RoomId.Capacity - 1 - shard) / ShardCount) + 1;

    // The index-th room id of shard.
    public static RoomId IdAt(int shard, int index) => new(shard + (index * ShardCount));
}
