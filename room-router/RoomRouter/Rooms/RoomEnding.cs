using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Ledger;
using AvatarStream.RoomRouter.Options;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Rooms;

// A host ended its room on the stream instance. Like the last client leaving, this ends the room, so the ledger row
// is marked pending first; the actor then ends the room, and the row gives way to an ended tombstone
// (Rooms:EndedRoomTtl) so that joins answer 410 room-ended rather than 404, and a create may reuse the id. A router
// that dies half-way leaves a pending row; the repair drops it, since an ended room counts as no room.
internal sealed class RoomEnding(
    RoomLedger ledger,
    IRoomActors actors,
    IOptionsMonitor<RoomsOptions> options,
    TimeProvider clock,
    ILogger<RoomEnding> logger)
{
    // Idempotent: ending a room that ended, or that is gone, changes nothing.
    public async Task EndAsync(RoomId roomId, CancellationToken cancellationToken)
    {
        // No committed row: the room ended already, is gone, or its last client is leaving right now (that removal
        // then finds the ended room and drops the row itself).
        var marked = await ledger.MarkPendingAsync(roomId, clock.GetUtcNow() + options.CurrentValue.ReservationTtl, cancellationToken);
        await actors.Get(roomId.ToString()).EndAsync();
        var released = marked is { } pending
            && await ledger.EndAsync(pending, clock.GetUtcNow() + options.CurrentValue.EndedRoomTtl, cancellationToken);
        RouterLog.RoomEnded(logger, roomId.ToString(), released);
    }
}
