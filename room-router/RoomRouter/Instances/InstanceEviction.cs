using System.Collections.Concurrent;
using AvatarStream.RoomRouter.Ledger;
using AvatarStream.RoomRouter.Options;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Instances;

// Takes a dead (or fully drained) instance out of the registry. Its rooms are not deleted: their ledger rows are marked
// moving, so they keep their ids, seats and place under the limits, and each one moves to a live instance on its next
// join (RoomPlacer). Order matters for a crash half-way: the instance leaves the registry first, which alone is enough
// for its rooms to be seen as moving; the ledger marks only give them a deadline (Rooms:MoveTimeout).
internal sealed class InstanceEviction(
    InstanceRegistry registry,
    RoomLedger ledger,
    RouterMetrics metrics,
    IOptionsMonitor<RoomsOptions> options,
    TimeProvider clock,
    ILogger<InstanceEviction> logger)
{
    // When an instance dies under load, every create in flight on it finds out at once; they share one eviction.
    private readonly ConcurrentDictionary<string, Lazy<Task<int>>> _running = new(StringComparer.Ordinal);

    // Evicts instanceId (only its process with that boot id, when given); returns how many rooms were newly marked
    // moving. Idempotent.
    public Task<int> EvictAsync(string instanceId, string? boot, CancellationToken cancellationToken)
    {
        Lazy<Task<int>>? mine = null;
        mine = new Lazy<Task<int>>(() => RunThenForgetAsync(instanceId, boot, mine!));
        return _running.GetOrAdd(instanceId + "/" + boot, mine).Value.WaitAsync(cancellationToken);
    }

    // Marks the rooms of an instance's earlier eras moving, once it announced a new one.
    public async Task<int> RetireEarlierErasAsync(string instanceId, long era, CancellationToken cancellationToken)
    {
        var rooms = await MarkMovingAsync(instanceId, cancellationToken);
        RouterLog.InstanceNewEra(logger, instanceId, era, rooms);
        return rooms;
    }

    private async Task<int> RunThenForgetAsync(string instanceId, string? boot, Lazy<Task<int>> entry)
    {
        try
        {
            return await RunAsync(instanceId, boot);
        }
        finally
        {
            // Forgotten as soon as it ends, so an instance that comes back and dies again is evicted again.
            _running.TryRemove(KeyValuePair.Create(instanceId + "/" + boot, entry));
        }
    }

    private async Task<int> RunAsync(string instanceId, string? boot)
    {
        // Not cancelled by whichever caller started it: the others are waiting on the same work.
        var cancellationToken = CancellationToken.None;
        if (!await registry.RemoveAsync(instanceId, boot, cancellationToken) && boot is not null)
        {
            // Another process of this id is registered now: a late call from one that is gone changes nothing.
            return 0;
        }

        var rooms = await MarkMovingAsync(instanceId, cancellationToken);
        metrics.InstanceEvicted();
        RouterLog.InstanceEvicted(logger, instanceId, rooms);
        return rooms;
    }

    private Task<int> MarkMovingAsync(string instanceId, CancellationToken cancellationToken) =>
        ledger.MarkMovingAsync(instanceId, clock.GetUtcNow() + options.CurrentValue.MoveTimeout, cancellationToken);
}
