using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Core.Ledger;

/// <summary>
/// A read-only picture of all ledger shards, possibly a little stale. It steers placement and shard choice only;
/// every decision that matters for the invariants is re-checked against the store under compare-and-swap.
/// </summary>
public sealed class LedgerView
{
    readonly LedgerShard?[] shards;

    LedgerView(LedgerShard?[] shards) => this.shards = shards;

    public static LedgerView Empty { get; } = new(new LedgerShard?[LedgerLayout.ShardCount]);

    public static LedgerView Of(IEnumerable<LedgerShard> loaded)
    {
        var shards = new LedgerShard?[LedgerLayout.ShardCount];
        foreach (var shard in loaded)
        {
            shards[shard.Index] = shard;
        }

        return new LedgerView(shards);
    }

    public int RoomCount => shards.Sum(shard => shard?.Count ?? 0);

    /// <summary>A copy with <paramref name="shard"/> replacing its older picture; the shard must no longer be mutated.</summary>
    public LedgerView With(LedgerShard shard)
    {
        var copy = (LedgerShard?[])shards.Clone();
        copy[shard.Index] = shard;
        return new LedgerView(copy);
    }

    public bool Contains(RoomId id) => shards[LedgerLayout.ShardOf(id)]?.InstanceOf(id) is not null;

    public IReadOnlyDictionary<string, int> RoomsPerInstance()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var shard in shards)
        {
            foreach (var (instance, rooms) in shard?.CountByInstance ?? EmptyCounts)
            {
                counts[instance] = counts.GetValueOrDefault(instance) + rooms;
            }
        }

        return counts;
    }

    /// <summary>Up to <paramref name="take"/> shards that look below their quota, in random order.</summary>
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
            if ((shards[shard]?.Count ?? 0) < LedgerLayout.Quota(shard, maxRooms))
            {
                picked.Add(shard);
            }
        }

        return picked;
    }

    static readonly IReadOnlyDictionary<string, int> EmptyCounts = new Dictionary<string, int>();
}
