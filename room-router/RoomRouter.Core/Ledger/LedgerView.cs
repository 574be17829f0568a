using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Core.Ledger;

// A read-only view of all ledger shards, possibly a little stale. It steers placement and shard choice only;
// every decision that matters for the invariants is re-checked against the store under compare-and-swap.
public sealed class LedgerView
{
    private readonly LedgerShard?[] _shards;

    // Kept up to date shard by shard: every create reads it, and summing all shards each time cost more than the rest
    // of the ledger work of a create.
    private readonly Dictionary<string, int> _roomsPerInstance;

    private LedgerView(LedgerShard?[] shards, Dictionary<string, int> roomsPerInstance)
    {
        _shards = shards;
        _roomsPerInstance = roomsPerInstance;
    }

    public static LedgerView Empty { get; } = new(new LedgerShard?[LedgerLayout.ShardCount], new Dictionary<string, int>(StringComparer.Ordinal));

    public static LedgerView Of(IEnumerable<LedgerShard> loaded)
    {
        var shards = new LedgerShard?[LedgerLayout.ShardCount];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var shard in loaded)
        {
            shards[shard.Index] = shard;
            Add(counts, shard, +1);
        }

        return new LedgerView(shards, counts);
    }

    public int RoomCount => _shards.Sum(shard => shard?.Count ?? 0);

    // A copy with shard replacing its older copy; the shard must no longer be mutated.
    public LedgerView With(LedgerShard shard)
    {
        var copy = (LedgerShard?[])_shards.Clone();
        var counts = new Dictionary<string, int>(_roomsPerInstance, StringComparer.Ordinal);
        Add(counts, copy[shard.Index], -1);
        Add(counts, shard, +1);
        copy[shard.Index] = shard;
        return new LedgerView(copy, counts);
    }

    public bool Contains(RoomId id) => _shards[LedgerLayout.ShardOf(id)]?.InstanceOf(id) is not null;

    // Instance id to its room count; instances without rooms are absent.
    public IReadOnlyDictionary<string, int> RoomsPerInstance() => _roomsPerInstance;

    // Up to `take` shards that look below their quota, in random order.
    public IReadOnlyList<int> ShardsWithRoom(int maxRooms, int take, Random random)
    {
        var order = new int[LedgerLayout.ShardCount];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var picked = new List<int>(take);
        for (var i = 0; i < order.Length && picked.Count < take; i++)
        {
            // Partial Fisher-Yates: only as many swaps as shards inspected.
            var j = random.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
            var shard = order[i];
            if ((_shards[shard]?.Count ?? 0) < LedgerLayout.Quota(shard, maxRooms))
            {
                picked.Add(shard);
            }
        }

        return picked;
    }

    private static void Add(Dictionary<string, int> counts, LedgerShard? shard, int sign)
    {
        foreach (var (instance, rooms) in shard?.CountByInstance ?? EmptyCounts)
        {
            var total = counts.GetValueOrDefault(instance) + (sign * rooms);
            if (total == 0)
            {
                counts.Remove(instance);
            }
            else
            {
                counts[instance] = total;
            }
        }
    }

    private static readonly IReadOnlyDictionary<string, int> EmptyCounts = new Dictionary<string, int>();
}
