using AvatarStream.RoomRouter.Core.Ledger;
using AvatarStream.RoomRouter.Core.Rooms;

namespace AvatarStream.RoomRouter.Core.Tests;

public class LedgerLayoutTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(10_000)]
    [InlineData(50_000)]
    public void Quotas_AddUpToMaxRooms(int maxRooms)
    {
        var total = Enumerable.Range(0, LedgerLayout.ShardCount).Sum(shard => LedgerLayout.Quota(shard, maxRooms));
        Assert.Equal(maxRooms, total);
    }

    [Fact]
    public void Shards_PartitionEveryRoomId()
    {
        Assert.Equal(RoomId.Capacity, Enumerable.Range(0, LedgerLayout.ShardCount).Sum(LedgerLayout.IdsIn));
        for (var shard = 0; shard < LedgerLayout.ShardCount; shard++)
        {
            for (var index = 0; index < LedgerLayout.IdsIn(shard); index++)
            {
                Assert.Equal(shard, LedgerLayout.ShardOf(LedgerLayout.IdAt(shard, index)));
            }
        }
    }

    [Fact]
    public void LargestQuota_FitsInItsShard()
    {
        Assert.True(LedgerLayout.Quota(0, 50_000) < LedgerLayout.IdsIn(LedgerLayout.ShardCount - 1));
    }
}
