using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Ledger;
using AvatarStream.RoomRouter.Options;
using AvatarStream.RoomRouter.Recordings;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Rooms;

// A client left. Most departures leave others behind and are one actor call. The last client's departure ends the
// room, so the room's ledger row is marked pending first: if the router dies before the row is settled, the repair
// asks the actor whether the room still exists and settles the row by that.
internal sealed class ClientRemoval(
    RoomLedger ledger,
    IRoomActors actors,
    RoomRecordings recordings,
    IOptionsMonitor<RoomsOptions> options,
    TimeProvider clock,
    ILogger<ClientRemoval> logger)
{
    // Idempotent: removing a client twice, or from a room that is gone, changes nothing. With bar, the room keeps the
    // client's identity out from now on (a host removed or denied it).
    public async Task<RemoveClientStatus> RemoveAsync(RoomId roomId, string clientId, bool bar, CancellationToken cancellationToken)
    {
        var room = actors.Get(roomId.ToString());
        var status = (await room.RemoveClientUnlessLastAsync(new RemoveClientArgs(clientId, clock.GetUtcNow(), bar))).Status;
        if (status is RemoveClientStatus.LastClient or RemoveClientStatus.NotFound)
        {
            status = await RemoveEndingTheRoomAsync(roomId, room, clientId, bar, status, cancellationToken);
        }

        if (status is RemoveClientStatus.NotMember)
        {
            // No seat of the room's own: a repeated departure, or the recorder's hidden seat.
            await recordings.SeatLeftAsync(roomId, clientId, cancellationToken);
        }

        RouterLog.ClientRemoved(logger, ClientTag.Of(clientId), roomId.ToString(), status.ToString(), bar);
        return status;
    }

    private async Task<RemoveClientStatus> RemoveEndingTheRoomAsync(
        RoomId roomId, IRoomActor room, string clientId, bool bar, RemoveClientStatus first, CancellationToken cancellationToken)
    {
        var marked = await ledger.MarkPendingAsync(roomId, clock.GetUtcNow() + options.CurrentValue.ReservationTtl, cancellationToken);
        if (marked is null && first is RemoveClientStatus.NotFound)
        {
            // No room and no committed row: a late or repeated departure. A new room under this id cannot hold the
            // old client id, so asking the actor again would change nothing.
            return first;
        }

        var status = (await room.RemoveClientAsync(new RemoveClientArgs(clientId, clock.GetUtcNow(), bar))).Status;

        // NotFound with a committed row means the actor is gone (or its host ended it meanwhile) but its row was left
        // behind: drop the row too.
        var roomOver = status is RemoveClientStatus.RoomEnded || (status is RemoveClientStatus.NotFound && marked is not null);
        if (marked is { } pending)
        {
            await (roomOver ? ledger.ReleaseAsync(pending, cancellationToken) : ledger.CommitAsync(pending, cancellationToken));
        }
        else if (status is RemoveClientStatus.RoomEnded)
        {
            await ledger.RemoveCommittedAsync(roomId, cancellationToken);
        }

        return status;
    }
}
