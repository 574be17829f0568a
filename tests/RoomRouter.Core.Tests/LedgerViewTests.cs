using AvatarStream.RoomRouter.Core.Ledger;

namespace AvatarStream.RoomRouter.Core.Tests;

public class LedgerViewTests
{
    private static readonly DateTimeOffset Until = new(2026, 1, 1, 0, 0, 30, TimeSpan.Zero);

    [Fact]
    public void RoomsPerInstance_AddsUpAllShards()
    {
        var random = new Random(1);
        var first = new LedgerShard(0);
        var second = new LedgerShard(1);
        first.TryReserve("stream-1", 10, Until, random);
        first.TryReserve("stream-2", 10, Until, random);
        second.TryReserve("stream-1", 10, Until, random);

        var counts = LedgerView.Of([first, second]).RoomsPerInstance();

        Assert.Equal(2, counts["stream-1"]);
        Assert.Equal(1, counts["stream-2"]);
    }

    [Fact]
    public void ShardsWithRoom_SkipsShardsAtTheirQuota()
    {
        var random = new Random(1);
        var full = new LedgerShard(0);
        full.TryReserve("stream-1", 1, Until, random);

        // MaxRooms 2: shards 0 and 1 get one room each, the rest none.
        var candidates = LedgerView.Of([full]).ShardsWithRoom(maxRooms: 2, take: 10, random);

        Assert.Equal([1], candidates);
    }

    [Fact]
    public void ShardsWithRoom_ReturnsAtMostTake_InVaryingOrder()
    {
        var random = new Random(1);

        var first = LedgerView.Empty.ShardsWithRoom(10_000, 8, random);
        var second = LedgerView.Empty.ShardsWithRoom(10_000, 8, random);

        Assert.Equal(8, first.Count);
        Assert.Equal(8, first.Distinct().Count());
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void With_ReplacesOneShard_LeavingTheOriginalViewAsItWas()
    {
        var shard = new LedgerShard(9);
        var id = shard.TryReserve("stream-1", 5, Until, new Random(1))!.Value.RoomId;

        var view = LedgerView.Empty.With(shard);

        Assert.True(view.Contains(id));
        Assert.False(LedgerView.Empty.Contains(id));
        Assert.Equal(1, view.RoomCount);
    }
}
