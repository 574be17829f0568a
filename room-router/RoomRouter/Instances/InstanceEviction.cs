using System.Collections.Concurrent;
using AvatarStream.RoomRouter.Ledger;
using AvatarStream.RoomRouter.Rooms;

namespace AvatarStream.RoomRouter.Instances;

/// <summary>
/// Removes a dead instance with its rooms and their clients. Order matters for a crash half-way: the instance leaves
/// the registry first (no new room goes there), then its ledger rows (the count is freed), then its room actors.
/// A room actor left behind has no row, so joins answer 404 and a create that reuses the id overwrites it.
/// </summary>
internal sealed class InstanceEviction(InstanceRegistry registry, RoomLedger ledger, IRoomActors actors, ILogger<InstanceEviction> logger)
{
    const int ParallelActorDeletes = 8;

    // When an instance dies under load, every create in flight on it finds out at once; they share one eviction.
    readonly ConcurrentDictionary<string, Lazy<Task<int>>> running = new(StringComparer.Ordinal);

    /// <summary>Evicts <paramref name="instanceId"/>; returns how many rooms went with it. Idempotent.</summary>
    public async Task<int> EvictAsync(string instanceId, CancellationToken cancellationToken)
    {
        var eviction = running.GetOrAdd(instanceId, id => new Lazy<Task<int>>(() => RunAsync(id)));
        try
        {
            return await eviction.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (eviction.Value.IsCompleted)
            {
                running.TryRemove(KeyValuePair.Create(instanceId, eviction));
            }
        }
    }

    async Task<int> RunAsync(string instanceId)
    {
        // Not cancelled by whichever caller started it: the others are waiting on the same work.
        var cancellationToken = CancellationToken.None;
        await registry.RemoveAsync(instanceId, cancellationToken);
        var rooms = await ledger.RemoveInstanceAsync(instanceId, cancellationToken);
        await Parallel.ForEachAsync(
            rooms,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelActorDeletes, CancellationToken = cancellationToken },
            async (room, _) => await actors.Get(room.ToString()).DeleteAsync());
        RouterLog.InstanceEvicted(logger, instanceId, rooms.Count);
        return rooms.Count;
    }
}
