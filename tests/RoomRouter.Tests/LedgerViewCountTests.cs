using AvatarStream.RoomRouter.Core.Ledger;

namespace AvatarStream.RoomRouter.Tests;

// The rooms-per-instance counts a view keeps up to date as shards are replaced one at a time.
public class LedgerViewCountTests
{
    private static readonly DateTimeOffset Until = new(2026, 1, 1, 0, 0, 30, TimeSpan.Zero);

    [Fact]
    public void ReplacingAShard_MovesItsCounts_AndDropsInstancesLeftWithNone()
    {
        var random = new Random(1);
        var before = new LedgerShard(3);
        before.TryReserve("stream-1", 10, Until, random);
        before.TryReserve("stream-2", 10, Until, random);
        var other = new LedgerShard(4);
        other.TryReserve("stream-1", 10, Until, random);
        var view = LedgerView.Of([before, other]);
        var after = new LedgerShard(3);
        after.TryReserve("stream-3", 10, Until, random);
        after.TryReserve("stream-3", 10, Until, random);

        var counts = view.With(after).RoomsPerInstance();

        Assert.Equal(new Dictionary<string, int> { ["stream-1"] = 1, ["stream-3"] = 2 }, counts);
        Assert.Equal(new Dictionary<string, int> { ["stream-1"] = 2, ["stream-2"] = 1 }, view.RoomsPerInstance());
    }

    [Fact]
    public void Empty_WithAShard_CountsThatShard()
    {
        var shard = new LedgerShard(0);
        shard.TryReserve("stream-1", 10, Until, new Random(1));

        Assert.Equal(new Dictionary<string, int> { ["stream-1"] = 1 }, LedgerView.Empty.With(shard).RoomsPerInstance());
    }
}
