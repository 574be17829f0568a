using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Instances;
using AvatarStream.RoomRouter.Rooms;

namespace AvatarStream.RoomRouter.Ledger;

// Settles ledger rows whose holder never finished, with the room actor's state as the truth. A pending row (a router
// died half-way through a create or a last departure) is committed when its room exists and dropped when it does not. A
// moving row past its deadline (Rooms:MoveTimeout: nobody came back to the room after its instance died) follows the room
// when it lives on a live instance after all (a router moved it but died before updating the row), and otherwise the room
// expires: its actor is deleted while it is still where it was, and the row leaves a "gone" tombstone (410). Safe on
// every replica at once: each change is a compare-and-swap that checks the row is still the one it read.
internal sealed class LedgerRepair(
    RoomLedger ledger,
    IRoomActors actors,
    InstanceRegistry registry,
    RouterMetrics metrics,
    TimeProvider clock,
    ILogger<LedgerRepair> logger)
{
    // One pass; returns how many rows it settled.
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settled = 0;
        foreach (var expired in await ledger.ExpiredPendingAsync(clock.GetUtcNow(), cancellationToken))
        {
            var lookup = await actors.Get(expired.RoomId.ToString()).GetAsync();
            var exists = lookup.Room is not null;
            if (await ledger.SettleAsync(expired, exists, cancellationToken))
            {
                settled++;
                RouterLog.PendingSettled(logger, expired.RoomId.ToString(), exists);
            }
        }

        foreach (var (roomId, instanceId, stamp) in await ledger.ExpiredMovingAsync(clock.GetUtcNow(), cancellationToken))
        {
            if (await SettleMovingAsync(roomId, instanceId, stamp, cancellationToken))
            {
                settled++;
            }
        }

        return settled;
    }

    private async Task<bool> SettleMovingAsync(RoomId roomId, string rowInstance, long stamp, CancellationToken cancellationToken)
    {
        var room = actors.Get(roomId.ToString());
        var placement = await room.GetPlacementAsync();
        var instances = await registry.ReadFreshAsync(cancellationToken);
        if (placement.InstanceId is { } instanceId && instances.GetValueOrDefault(instanceId) is { } host && host.Hosts(placement.Era))
        {
            return await ledger.RelocateAsync(roomId, instanceId, cancellationToken);
        }

        if (placement.InstanceId is { } stale && !(await room.DeleteIfOnAsync(new PlacementArgs(stale, placement.Era))).Deleted)
        {
            return false; // moved meanwhile: the next pass sees where it went
        }

        if (!await ledger.ExpireMovingAsync(roomId, stamp, cancellationToken))
        {
            return false;
        }

        metrics.MovingRoomExpired();
        RouterLog.MovingRoomExpired(logger, roomId.ToString(), rowInstance);
        return true;
    }
}
