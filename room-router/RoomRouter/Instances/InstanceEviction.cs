using System.Collections.Concurrent;
using AvatarStream.RoomRouter.Ledger;
using AvatarStream.RoomRouter.Rooms;

namespace AvatarStream.RoomRouter.Instances;

// Removes a dead instance with its rooms and their clients. Order matters for a crash half-way: the instance leaves
// the registry first (no new room goes there), then its ledger rows (the count is freed), then its room actors.
// Each evicted room keeps a tombstone in its ledger shard (Rooms:EvictedRoomTtl), so joins answer 410 rather than
// 404. A room actor left behind has no row, so it is not a room, and a create that reuses the id overwrites it.
internal sealed class InstanceEviction(
    InstanceRegistry registry,
    RoomLedger ledger,
    IRoomActors actors,
    RouterMetrics metrics,
    ILogger<InstanceEviction> logger)
{
    private const int ParallelActorDeletes = 8;

    // When an instance dies under load, every create in flight on it finds out at once; they share one eviction.
    private readonly ConcurrentDictionary<string, Lazy<Task<int>>> _running = new(StringComparer.Ordinal);

    // Evicts instanceId; returns how many rooms went with it. Idempotent.
    public Task<int> EvictAsync(string instanceId, CancellationToken cancellationToken)
    {
        Lazy<Task<int>>? mine = null;
        mine = new Lazy<Task<int>>(() => RunThenForgetAsync(instanceId, mine!));
        return _running.GetOrAdd(instanceId, mine).Value.WaitAsync(cancellationToken);
    }

    private async Task<int> RunThenForgetAsync(string instanceId, Lazy<Task<int>> entry)
    {
        try
        {
            return await RunAsync(instanceId);
        }
        finally
        {
            // Forgotten as soon as it ends, so an instance that comes back and dies again is evicted again.
            _running.TryRemove(KeyValuePair.Create(instanceId, entry));
        }
    }

    private async Task<int> RunAsync(string instanceId)
    {
        // Not cancelled by whichever caller started it: the others are waiting on the same work.
        var cancellationToken = CancellationToken.None;
        await registry.RemoveAsync(instanceId, cancellationToken);
        var rooms = await ledger.RemoveInstanceAsync(instanceId, cancellationToken);
        await Parallel.ForEachAsync(
            rooms,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelActorDeletes, CancellationToken = cancellationToken },
            async (room, _) => await actors.Get(room.ToString()).DeleteAsync());
        metrics.InstanceEvicted();
        RouterLog.InstanceEvicted(logger, instanceId, rooms.Count);
        return rooms.Count;
    }
}
