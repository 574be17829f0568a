using AvatarStream.RoomRouter.Core.Ledger;
using AvatarStream.RoomRouter.Core.Rooms;
using Microsoft.Extensions.Time.Testing;

namespace AvatarStream.RoomRouter.Core.Tests;

public class LedgerShardTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly Random _random = new(7);

    private DateTimeOffset Until => _clock.GetUtcNow().AddSeconds(30);

    [Fact]
    public void TryReserve_BelowQuota_ClaimsAPendingIdOfThisShard()
    {
        var shard = new LedgerShard(5);

        var reservation = shard.TryReserve("stream-1", quota: 3, Until, _random);

        Assert.NotNull(reservation);
        Assert.Equal(5, LedgerLayout.ShardOf(reservation.Value.RoomId));
        Assert.Equal("stream-1", shard.InstanceOf(reservation.Value.RoomId));
        Assert.True(shard.Pending.ContainsKey(reservation.Value.RoomId.Value));
        Assert.Equal(1, shard.CountByInstance["stream-1"]);
    }

    [Fact]
    public void TryReserve_AtQuota_IsRefused_PendingRowsCounting()
    {
        var shard = new LedgerShard(0);
        Assert.NotNull(shard.TryReserve("stream-1", quota: 2, Until, _random));
        Assert.NotNull(shard.TryReserve("stream-2", quota: 2, Until, _random));

        Assert.Null(shard.TryReserve("stream-1", quota: 2, Until, _random));
        Assert.Equal(2, shard.Count);
    }

    [Fact]
    public void TryReserve_UntilTheShardIsFull_NeverRepeatsAnId()
    {
        var shard = new LedgerShard(LedgerLayout.ShardCount - 1);
        var capacity = LedgerLayout.IdsIn(shard.Index);

        var ids = Enumerable.Range(0, capacity)
            .Select(_ => shard.TryReserve("stream-1", capacity, Until, _random)!.Value.RoomId)
            .ToList();

        Assert.Equal(capacity, ids.Distinct().Count());
        Assert.Null(shard.TryReserve("stream-1", capacity + 1, Until, _random));
    }

    [Fact]
    public void Commit_WithTheHoldersStamp_MakesTheRowPermanent()
    {
        var shard = new LedgerShard(1);
        var reservation = shard.TryReserve("stream-1", 5, Until, _random)!.Value;

        Assert.True(shard.Commit(reservation));

        Assert.Empty(shard.Pending);
        Assert.Equal("stream-1", shard.InstanceOf(reservation.RoomId));
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(shard.ExpiredPending(_clock.GetUtcNow()));
    }

    [Fact]
    public void Commit_WithAnotherStamp_IsRefused()
    {
        var shard = new LedgerShard(1);
        var reservation = shard.TryReserve("stream-1", 5, Until, _random)!.Value;

        Assert.False(shard.Commit(reservation with { Stamp = reservation.Stamp + 1 }));
        Assert.True(shard.Pending.ContainsKey(reservation.RoomId.Value));
    }

    [Fact]
    public void Release_RollsBackAReservation_OnlyOnce()
    {
        var shard = new LedgerShard(1);
        var reservation = shard.TryReserve("stream-1", 5, Until, _random)!.Value;

        Assert.True(shard.Release(reservation));
        Assert.False(shard.Release(reservation));
        Assert.Equal(0, shard.Count);
        Assert.Empty(shard.CountByInstance);
    }

    [Fact]
    public void Release_AfterCommit_LeavesTheRoom()
    {
        var shard = new LedgerShard(1);
        var reservation = shard.TryReserve("stream-1", 5, Until, _random)!.Value;
        shard.Commit(reservation);

        Assert.False(shard.Release(reservation));
        Assert.Equal(1, shard.Count);
    }

    [Fact]
    public void ExpiredPending_ListsRowsPastTheirDeadlineOnly()
    {
        var shard = new LedgerShard(2);
        var early = shard.TryReserve("stream-1", 5, Until, _random)!.Value;
        _clock.Advance(TimeSpan.FromSeconds(10));
        var late = shard.TryReserve("stream-1", 5, Until, _random)!.Value;

        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal([early], shard.ExpiredPending(_clock.GetUtcNow()));

        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, shard.ExpiredPending(_clock.GetUtcNow()).Count);
        Assert.Contains(late, shard.ExpiredPending(_clock.GetUtcNow()));
    }

    [Fact]
    public void Settle_RoomThatExists_CommitsTheRow()
    {
        var shard = new LedgerShard(3);
        var reservation = shard.TryReserve("stream-1", 5, Until, _random)!.Value;
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(shard.Settle(shard.ExpiredPending(_clock.GetUtcNow()).Single(), roomExists: true));
        Assert.Equal("stream-1", shard.InstanceOf(reservation.RoomId));
        Assert.Empty(shard.Pending);
    }

    [Fact]
    public void Settle_RoomThatDoesNotExist_DropsTheRow()
    {
        var shard = new LedgerShard(3);
        shard.TryReserve("stream-1", 5, Until, _random);
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(shard.Settle(shard.ExpiredPending(_clock.GetUtcNow()).Single(), roomExists: false));
        Assert.Equal(0, shard.Count);
    }

    [Fact]
    public void Settle_RowTakenOverMeanwhile_IsRefused()
    {
        var shard = new LedgerShard(3);
        var expired = shard.TryReserve("stream-1", 5, Until, _random)!.Value;
        shard.Commit(expired);
        shard.TryMarkPending(expired.RoomId, Until.AddMinutes(5));

        Assert.False(shard.Settle(expired, roomExists: false));
        Assert.Equal(1, shard.Count);
    }

    [Fact]
    public void TryMarkPending_CommittedRow_IsMarkedOnce()
    {
        var shard = new LedgerShard(4);
        var reservation = shard.TryReserve("stream-1", 5, Until, _random)!.Value;
        Assert.Null(shard.TryMarkPending(reservation.RoomId, Until));
        shard.Commit(reservation);

        var marked = shard.TryMarkPending(reservation.RoomId, Until);

        Assert.Equal(reservation.RoomId, marked?.RoomId);
        Assert.Null(shard.TryMarkPending(reservation.RoomId, Until));
        Assert.Null(shard.TryMarkPending(new RoomId(4 + LedgerLayout.ShardCount), Until));
    }

    [Fact]
    public void MarkMoving_MarksOnlyThatInstancesRows_KeepingThemUnderTheQuota()
    {
        var shard = new LedgerShard(6);
        var a = shard.TryReserve("stream-1", 5, Until, _random)!.Value;
        var b = shard.TryReserve("stream-2", 5, Until, _random)!.Value;
        var c = shard.TryReserve("stream-1", 5, Until, _random)!.Value;
        shard.Commit(a);

        var marked = shard.MarkMoving("stream-1", Until);

        Assert.Equal([a.RoomId.Value, c.RoomId.Value], marked.Select(id => id.Value).Order());
        Assert.Equal(3, shard.Count);
        Assert.Equal([a.RoomId.Value, c.RoomId.Value], shard.Moving.Keys.Order());
        Assert.Equal(RoomPresence.Present, shard.PresenceOf(a.RoomId, _clock.GetUtcNow()));
        Assert.Empty(shard.MarkMoving("stream-1", Until.AddHours(1)));
        Assert.Equal(Until.ToUnixTimeMilliseconds(), shard.Moving[a.RoomId.Value]);
        Assert.Null(shard.TryReserve("stream-3", 3, Until, _random));
    }

    [Fact]
    public void Relocate_MovesTheRowAndItsCount_AndClearsTheMark()
    {
        var shard = new LedgerShard(6);
        var a = shard.TryReserve("stream-1", 5, Until, _random)!.Value;
        shard.Commit(a);
        shard.MarkMoving("stream-1", Until);

        Assert.True(shard.Relocate(a.RoomId, "stream-2"));

        Assert.Equal([(a.RoomId, "stream-2")], shard.Rows);
        Assert.Empty(shard.Moving);
        Assert.Equal(new Dictionary<string, int> { ["stream-2"] = 1 }, shard.CountByInstance);
        Assert.False(shard.Relocate(a.RoomId, "stream-2"));
        Assert.False(shard.Relocate(new RoomId(6 + (7 * LedgerLayout.ShardCount)), "stream-2"));
    }

    [Fact]
    public void Relocate_BackToTheSameInstance_ClearsTheMark()
    {
        var shard = new LedgerShard(6);
        var a = shard.TryReserve("stream-1", 5, Until, _random)!.Value;
        shard.MarkMoving("stream-1", Until);

        Assert.True(shard.Relocate(a.RoomId, "stream-1"));
        Assert.Empty(shard.Moving);
        Assert.Equal(1, shard.CountByInstance["stream-1"]);
    }

    [Fact]
    public void ExpireMoving_LeavesATombstoneThatSaysGoneUntilItExpires()
    {
        var shard = new LedgerShard(6);
        var a = shard.TryReserve("stream-1", 5, Until, _random)!.Value;
        var b = shard.TryReserve("stream-2", 5, Until, _random)!.Value;
        shard.Commit(a);
        var now = _clock.GetUtcNow();
        shard.MarkMoving("stream-1", now);

        var expired = Assert.Single(shard.ExpiredMoving(now));
        Assert.Equal((a.RoomId, "stream-1"), (expired.RoomId, expired.InstanceId));
        Assert.True(shard.ExpireMoving(expired.RoomId, expired.Stamp, now, now.AddHours(1)));

        Assert.Equal(RoomPresence.Gone, shard.PresenceOf(a.RoomId, now));
        Assert.Equal(RoomPresence.Present, shard.PresenceOf(b.RoomId, now));
        Assert.Equal(RoomPresence.Absent, shard.PresenceOf(a.RoomId, now.AddHours(1)));
        Assert.Empty(shard.Moving);
        Assert.False(shard.ExpireMoving(expired.RoomId, expired.Stamp, now, now.AddHours(1)));
    }

    [Fact]
    public void ExpireMoving_OfARowThatMovedMeanwhile_ChangesNothing()
    {
        var shard = new LedgerShard(6);
        var a = shard.TryReserve("stream-1", 5, Until, _random)!.Value;
        var now = _clock.GetUtcNow();
        shard.MarkMoving("stream-1", now);
        var expired = Assert.Single(shard.ExpiredMoving(now));
        shard.Relocate(a.RoomId, "stream-2");

        Assert.False(shard.ExpireMoving(expired.RoomId, expired.Stamp, now, now.AddHours(1)));
        Assert.Equal(RoomPresence.Present, shard.PresenceOf(a.RoomId, now));
    }

    [Fact]
    public void ExpiredMoving_LeavesOutRowsWithinTheirDeadline()
    {
        var shard = new LedgerShard(6);
        shard.TryReserve("stream-1", 5, Until, _random);
        shard.MarkMoving("stream-1", Until);

        Assert.Empty(shard.ExpiredMoving(Until.AddMilliseconds(-1)));
        Assert.Single(shard.ExpiredMoving(Until));
    }

    [Fact]
    public void Tombstones_DoNotCountAgainstTheQuota()
    {
        var shard = new LedgerShard(6);
        var now = _clock.GetUtcNow();
        shard.Commit(shard.TryReserve("stream-1", 1, Until, _random)!.Value);
        ExpireAll(shard, "stream-1", now, now.AddHours(1));

        Assert.Equal(0, shard.Count);
        Assert.Single(shard.Gone);
        Assert.NotNull(shard.TryReserve("stream-2", 1, Until, _random));
    }

    [Fact]
    public void TryReserve_ReusingATombstonedId_ClearsItsTombstone()
    {
        var shard = new LedgerShard(6);
        var now = _clock.GetUtcNow();
        var ids = LedgerLayout.IdsIn(6);
        for (var i = 0; i < ids; i++)
        {
            shard.Load(LedgerLayout.IdAt(6, i), "stream-1", null);
        }

        ExpireAll(shard, "stream-1", now, now.AddHours(1));
        Assert.Equal(ids, shard.Gone.Count);

        var reused = shard.TryReserve("stream-2", ids, Until, _random)!.Value;

        Assert.False(shard.Gone.ContainsKey(reused.RoomId.Value));
        Assert.Equal(ids - 1, shard.Gone.Count);
        Assert.Equal(RoomPresence.Present, shard.PresenceOf(reused.RoomId, now));
    }

    [Fact]
    public void ExpireMoving_ForgetsExpiredTombstones()
    {
        var shard = new LedgerShard(6);
        var now = _clock.GetUtcNow();
        shard.Commit(shard.TryReserve("stream-1", 5, Until, _random)!.Value);
        ExpireAll(shard, "stream-1", now, now.AddMinutes(1));
        var b = shard.TryReserve("stream-2", 5, Until, _random)!.Value;

        ExpireAll(shard, "stream-2", now.AddMinutes(2), now.AddMinutes(62));

        Assert.Equal([b.RoomId.Value], shard.Gone.Keys);
    }

    private static void ExpireAll(LedgerShard shard, string instanceId, DateTimeOffset now, DateTimeOffset goneUntil)
    {
        shard.MarkMoving(instanceId, now);
        foreach (var (room, _, stamp) in shard.ExpiredMoving(now))
        {
            Assert.True(shard.ExpireMoving(room, stamp, now, goneUntil));
        }
    }

    [Fact]
    public void LoadGone_RoomOfAnotherShard_Throws()
    {
        var shard = new LedgerShard(0);
        Assert.Throws<ArgumentException>(() => shard.LoadGone(new RoomId(1), 1));
    }

    [Fact]
    public void Load_RoomOfAnotherShard_Throws()
    {
        var shard = new LedgerShard(0);
        Assert.Throws<ArgumentException>(() => shard.Load(new RoomId(1), "stream-1", null));
    }
}
