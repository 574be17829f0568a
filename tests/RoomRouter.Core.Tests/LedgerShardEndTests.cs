using AvatarStream.RoomRouter.Core.Ledger;
using AvatarStream.RoomRouter.Core.Rooms;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.RoomRouter.Core.Tests;

// Rooms their host ended: the row goes, an ended tombstone stays until it expires or the id is reused.
public class LedgerShardEndTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Random _random = new(7);

    private DateTimeOffset Now => _clock.GetUtcNow();

    // A committed room on stream-1, marked pending as an ending marks it; returns the mark.
    private Reservation MarkedRoom(LedgerShard shard)
    {
        var reservation = shard.TryReserve("stream-1", 5, Now.AddSeconds(30), _random)!.Value;
        shard.Commit(reservation);
        return shard.TryMarkPending(reservation.RoomId, Now.AddSeconds(30))!.Value;
    }

    [Fact]
    public void End_DropsTheRow_AndLeavesATombstoneThatSaysEndedUntilItExpires()
    {
        var shard = new LedgerShard(6);
        var marked = MarkedRoom(shard);

        Assert.True(shard.End(marked, Now, Now.AddHours(1)));

        Assert.Equal(0, shard.Count);
        Assert.Empty(shard.CountByInstance);
        Assert.Empty(shard.Pending);
        Assert.Equal(RoomPresence.Ended, shard.PresenceOf(marked.RoomId, Now));
        Assert.Equal(RoomPresence.Ended, shard.PresenceOf(marked.RoomId, Now.AddMinutes(59)));
        Assert.Equal(RoomPresence.Absent, shard.PresenceOf(marked.RoomId, Now.AddHours(1)));
    }

    [Fact]
    public void End_OfARowNoLongerThisReservations_IsRefused()
    {
        var shard = new LedgerShard(6);
        var marked = MarkedRoom(shard);
        shard.Release(marked);

        Assert.False(shard.End(marked, Now, Now.AddHours(1)));
        Assert.Empty(shard.Ended);
        Assert.Equal(RoomPresence.Absent, shard.PresenceOf(marked.RoomId, Now));
    }

    [Fact]
    public void End_ForgetsExpiredEndedTombstones()
    {
        var shard = new LedgerShard(6);
        var first = MarkedRoom(shard);
        shard.End(first, Now, Now.AddMinutes(1));
        var second = MarkedRoom(shard);

        shard.End(second, Now.AddMinutes(2), Now.AddMinutes(62));

        Assert.Equal([second.RoomId.Value], shard.Ended.Keys);
    }

    [Fact]
    public void TryReserve_ReusingAnEndedId_ClearsItsTombstone()
    {
        var shard = new LedgerShard(6);
        var ids = LedgerLayout.IdsIn(6);
        for (var i = 0; i < ids; i++)
        {
            var id = LedgerLayout.IdAt(6, i);
            shard.Load(id, "stream-1", null);
            shard.End(shard.TryMarkPending(id, Now.AddSeconds(30))!.Value, Now, Now.AddHours(1));
        }

        var reused = shard.TryReserve("stream-2", ids, Now.AddSeconds(30), _random)!.Value;

        Assert.False(shard.Ended.ContainsKey(reused.RoomId.Value));
        Assert.Equal(ids - 1, shard.Ended.Count);
        Assert.Equal(RoomPresence.Present, shard.PresenceOf(reused.RoomId, Now));
    }

    [Fact]
    public void LoadEnded_RoomOfAnotherShard_Throws()
    {
        var shard = new LedgerShard(0);
        Assert.Throws<ArgumentException>(() => shard.LoadEnded(new RoomId(1), 1));
    }
}
