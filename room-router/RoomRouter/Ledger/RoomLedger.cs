using System.Globalization;
using AvatarStream.RoomRouter.Core.Ledger;
using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Options;
using AvatarStream.RoomRouter.Storage;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Ledger;

// The room ledger: one row [room, instance] per room, hence the room ids in use and the room count, kept in ShardCount
// state keys. Every change is a compare-and-swap on one shard: read it with its ETag, change it in Core, write it
// back only if nobody wrote in between, else start over. See LedgerLayout for why it is sharded.
internal sealed class RoomLedger
{
    private const string KeyPrefix = "room-ledger-";
    private const int CandidateShards = 8;
    private const int ReserveAttemptsPerShard = 3;
    private const int UpdateAttempts = 64;

    private static readonly IReadOnlyList<string> AllKeys =
        Enumerable.Range(0, LedgerLayout.ShardCount).Select(Key).ToArray();

    private readonly IStateStore _store;
    private readonly IOptionsMonitor<RoomsOptions> _options;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _forcedRefreshAge;
    private readonly RefreshingSnapshot<LedgerView> _view;

    public RoomLedger(IStateStore store, IOptionsMonitor<RoomsOptions> options, TimeProvider clock, ILogger<RoomLedger> logger)
    {
        _store = store;
        _options = options;
        _clock = clock;
        _forcedRefreshAge = options.CurrentValue.ViewRefreshInterval / 4;
        _view = new RefreshingSnapshot<LedgerView>(
            async ct => LedgerView.Of(await ReadAllAsync(ct)),
            options.CurrentValue.ViewRefreshInterval,
            clock,
            exception => RouterLog.SnapshotRefreshFailed(logger, exception, "ledger"));
    }

    public ValueTask<LedgerView> ViewAsync(CancellationToken cancellationToken) => _view.GetAsync(cancellationToken);

    // Claims a random free room id for instanceId; null when the room limit is reached.
    public async Task<Reservation?> ReserveAsync(string instanceId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var maxRooms = _options.CurrentValue.MaxRooms;
        var current = await _view.GetAsync(cancellationToken);
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var shard in current.ShardsWithRoom(maxRooms, CandidateShards, Random.Shared))
            {
                var reservation = await UpdateShardAsync(
                    shard,
                    s => s.TryReserve(instanceId, LedgerLayout.Quota(shard, maxRooms), until, Random.Shared),
                    r => r is not null,
                    ReserveAttemptsPerShard,
                    cancellationToken);
                if (reservation is not null)
                {
                    return reservation;
                }
            }

            // The cached view said these shards had room but they did not (or were too contended): look again, once.
            current = await _view.RefreshIfOlderThanAsync(_forcedRefreshAge, cancellationToken);
        }

        return null;
    }

    public Task<bool> CommitAsync(Reservation reservation, CancellationToken cancellationToken) =>
        UpdateShardAsync(reservation.RoomId, s => s.Commit(reservation), cancellationToken);

    public Task<bool> ReleaseAsync(Reservation reservation, CancellationToken cancellationToken) =>
        UpdateShardAsync(reservation.RoomId, s => s.Release(reservation), cancellationToken);

    public Task<bool> SettleAsync(Reservation reservation, bool roomExists, CancellationToken cancellationToken) =>
        UpdateShardAsync(reservation.RoomId, s => s.Settle(reservation, roomExists), cancellationToken);

    // Drops a pending row whose room its host ended, leaving an ended tombstone until endedUntil.
    public Task<bool> EndAsync(Reservation reservation, DateTimeOffset endedUntil, CancellationToken cancellationToken) =>
        UpdateShardAsync(reservation.RoomId, s => s.End(reservation, _clock.GetUtcNow(), endedUntil), cancellationToken);

    // Marks a committed row pending before a change that may end the room; null when there is no committed row.
    public Task<Reservation?> MarkPendingAsync(RoomId id, DateTimeOffset until, CancellationToken cancellationToken) =>
        UpdateShardAsync(LedgerLayout.ShardOf(id), s => s.TryMarkPending(id, until), r => r is not null, UpdateAttempts, cancellationToken);

    // Drops a committed row; a pending row is left to its holder.
    public Task<bool> RemoveCommittedAsync(RoomId id, CancellationToken cancellationToken) =>
        UpdateShardAsync(id, s => !s.Pending.ContainsKey(id.Value) && s.Remove(id), cancellationToken);

    // Whether the room has a row, was evicted with its instance, or neither; trusts the cached view when it says it has a row and asks the store otherwise.
    public async Task<RoomPresence> PresenceAsync(RoomId id, CancellationToken cancellationToken)
    {
        return (await _view.GetAsync(cancellationToken)).Contains(id)
            ? RoomPresence.Present
            : await StoredPresenceAsync(id, cancellationToken);
    }

    // Whether the room has a row, was evicted with its instance, or neither, read from the store.
    public async Task<RoomPresence> StoredPresenceAsync(RoomId id, CancellationToken cancellationToken)
    {
        var index = LedgerLayout.ShardOf(id);
        var (document, _) = await _store.GetAsync<LedgerShardDocument>(Key(index), cancellationToken);
        var shard = LedgerShardDocument.ToShard(index, document);
        _view.Update(v => v.With(shard));
        return shard.PresenceOf(id, _clock.GetUtcNow());
    }

    // Marks every row of instanceId moving until `until` (rows already moving keep their deadline); returns how many rooms
    // were newly marked.
    public async Task<int> MarkMovingAsync(string instanceId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var marked = 0;
        foreach (var shard in await ReadAllAsync(cancellationToken))
        {
            if (shard.CountByInstance.ContainsKey(instanceId))
            {
                var rooms = await UpdateShardAsync(shard.Index, s => s.MarkMoving(instanceId, until), rooms => rooms.Count > 0, UpdateAttempts, cancellationToken)
                    ?? throw new InvalidOperationException($"Ledger shard {shard.Index} stayed too contended to mark the rooms of {instanceId} moving.");
                marked += rooms.Count;
            }
        }

        return marked;
    }

    // The room lives on instanceId now: its row follows it and stops moving.
    public Task<bool> RelocateAsync(RoomId id, string instanceId, CancellationToken cancellationToken) =>
        UpdateShardAsync(id, s => s.Relocate(id, instanceId), cancellationToken);

    // Moving rows past their deadline, read fresh from the store.
    public async Task<IReadOnlyList<(RoomId RoomId, string InstanceId, long Stamp)>> ExpiredMovingAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ReadAllAsync(cancellationToken)).SelectMany(shard => shard.ExpiredMoving(now)).ToList();

    // Drops a room that nobody came back to while it was moving, leaving a "gone" tombstone (Rooms:EvictedRoomTtl).
    public Task<bool> ExpireMovingAsync(RoomId id, long stamp, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        return UpdateShardAsync(id, s => s.ExpireMoving(id, stamp, now, now + _options.CurrentValue.EvictedRoomTtl), cancellationToken);
    }

    // Pending rows past their deadline, read fresh from the store.
    public async Task<IReadOnlyList<Reservation>> ExpiredPendingAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ReadAllAsync(cancellationToken)).SelectMany(shard => shard.ExpiredPending(now)).ToList();

    private async Task<IReadOnlyList<LedgerShard>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var documents = await _store.GetManyAsync<LedgerShardDocument>(AllKeys, cancellationToken);
        return Enumerable.Range(0, LedgerLayout.ShardCount)
            .Select(index => LedgerShardDocument.ToShard(index, documents.GetValueOrDefault(Key(index))))
            .ToList();
    }

    private Task<bool> UpdateShardAsync(RoomId id, Func<LedgerShard, bool> change, CancellationToken cancellationToken) =>
        UpdateShardAsync(LedgerLayout.ShardOf(id), change, changed => changed, UpdateAttempts, cancellationToken);

    // change runs on a freshly read shard each attempt; changed says whether its result needs a write. Gives up
    // (default result) after `attempts` lost races.
    private async Task<TResult?> UpdateShardAsync<TResult>(
        int index,
        Func<LedgerShard, TResult> change,
        Func<TResult, bool> changed,
        int attempts,
        CancellationToken cancellationToken)
    {
        var (done, outcome) = await _store.TryUpdateAsync(
            Key(index),
            (LedgerShardDocument? document) =>
            {
                var shard = LedgerShardDocument.ToShard(index, document);
                var result = change(shard);
                return ((Shard: shard, Result: result), changed(result) ? LedgerShardDocument.From(shard) : null);
            },
            attempts,
            cancellationToken);
        if (!done)
        {
            return default;
        }

        _view.Update(v => v.With(outcome.Shard));
        return outcome.Result;
    }

    private static string Key(int index) => KeyPrefix + index.ToString("D3", CultureInfo.InvariantCulture);
}
