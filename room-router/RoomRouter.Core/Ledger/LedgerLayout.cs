using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Core.Ledger;

/// <summary>
/// The room ledger (which ids are taken, by which instance, and how many rooms exist) is split into shards by
/// <c>room_id % ShardCount</c>, and <c>MaxRooms</c> is split into per-shard quotas that add up to it exactly.
/// Each shard is one state-store key updated by ETag compare-and-swap, so a create touches one small document and
/// concurrent creates collide only when they land on the same shard (1 in 256), instead of all serializing through
/// one counter or one actor. No shard ever exceeds its quota, so the rooms never exceed <c>MaxRooms</c>.
/// </summary>
public static class LedgerLayout
{
    /// <summary>Fixed forever for a store: a room's shard is derived from its id.</summary>
    public const int ShardCount = 256;

    public static int ShardOf(RoomId id) => id.Value % ShardCount;

    /// <summary>How many rooms shard <paramref name="shard"/> may hold; the quotas of all shards add up to <paramref name="maxRooms"/>.</summary>
    public static int Quota(int shard, int maxRooms)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, ShardCount);
        return Math.Min((maxRooms / ShardCount) + (shard < maxRooms % ShardCount ? 1 : 0), IdsIn(shard));
    }

    /// <summary>How many room ids map to <paramref name="shard"/>.</summary>
    public static int IdsIn(int shard) => ((RoomId.Capacity - 1 - shard) / ShardCount) + 1;

    /// <summary>The <paramref name="index"/>-th room id of <paramref name="shard"/>.</summary>
    public static RoomId IdAt(int shard, int index) => new(shard + (index * ShardCount));
}
