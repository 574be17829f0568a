using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Ledger;
using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Instances;
using AvatarStream.RoomRouter.Ledger;
using AvatarStream.RoomRouter.Options;
using AvatarStream.RoomRouter.Streams;
using AvatarStream.ServiceDefaults.Tickets;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Rooms;

// join-room: reserve a pending seat in the room actor (which enforces the join window, the client limit and bars),
// make sure the room lives on a live instance (moving it there when its instance died, drained or restarted), register
// there, confirm the seat. A failed register means the instance is dead: evict it and move the room. A seat left
// pending by a crash frees itself at its deadline. A client that still holds a seat (a reconnect) gets it back: the same
// client id, role and name, registered again, no new seat.
internal sealed class RoomJoining(
    InstanceRegistry registry,
    RoomLedger ledger,
    IRoomActors actors,
    IStreamInstanceClient streams,
    InstanceEviction eviction,
    RoomPlacer placer,
    ClientRemoval removal,
    TicketIssuer tickets,
    IOptionsMonitor<RoomsOptions> options,
    TimeProvider clock,
    ILogger<RoomJoining> logger)
{
    // name is the display name of a new identity; a held seat keeps its own. key is the join key the caller showed.
    public async Task<RoomOutcome> JoinAsync(RoomId roomId, string? heldClientId, string name, string? key, CancellationToken cancellationToken)
    {
        // A room actor without a ledger row is a leftover of a crash, not a room; a tombstone says it expired while
        // moving (nobody came back after its instance died) or was ended by its host.
        var presence = await ledger.PresenceAsync(roomId, cancellationToken);
        if (presence is not RoomPresence.Present)
        {
            return RoomOutcome.Failed(Missing(presence));
        }

        var join = new JoinRequest(heldClientId, name, key, await tickets.SigningKeyAsync(cancellationToken));
        var outcome = await AdmitAsync(roomId, join, cancellationToken);

        // A seat can be lost between taking and confirming it (a held seat's old socket's departure arriving late, or
        // the room ending meanwhile): then ask again, which seats a new identity unless that departure barred the held
        // one, or answers what became of the room.
        return outcome ?? await AdmitAsync(roomId, join, cancellationToken) ?? RoomOutcome.Failed(RoomFailure.RoomGone);
    }

    private sealed record JoinRequest(string? HeldClientId, string Name, string? Key, TicketKey SigningKey);

    // Seat, register, confirm. Null when the seat was lost before its confirm.
    private async Task<RoomOutcome?> AdmitAsync(RoomId roomId, JoinRequest join, CancellationToken cancellationToken)
    {
        var id = roomId.ToString();
        var room = actors.Get(id);
        var now = clock.GetUtcNow();
        var seat = await room.JoinAsync(new JoinRoomArgs(
            ClientIds.New(), options.CurrentValue.MaxClientsPerRoom, now, now + options.CurrentValue.ReservationTtl, join.HeldClientId, join.Name, join.Key));
        if (seat is not { Status: JoinRoomStatus.Joined, InstanceId: { } instanceId, ClientId: { } clientId, Role: { } role, Name: { } memberName })
        {
            return RoomOutcome.Failed(await RefusalAsync(roomId, seat.Status, cancellationToken));
        }

        var held = clientId == join.HeldClientId;
        var confirmed = false;
        try
        {
            var seen = new RoomPlacement(instanceId, seat.Era, seat.Placed);
            for (var attempt = 0; ; attempt++)
            {
                var (placement, failure) = await placer.EnsureAsync(roomId, room, seen, cancellationToken);
                if (placement is null)
                {
                    return failure is RoomFailure.None ? null : RoomOutcome.Failed(failure);
                }

                var era = placement.Instance.Era;
                var register = new RegisterRequest(id, clientId, role, memberName, seat.Settings, seat.Knocking, era);
                var seated = await streams.RegisterAsync(placement.InstanceId, register, cancellationToken);
                if (seated is SeatingResult.Seated)
                {
                    confirmed = (await room.ConfirmClientAsync(new ConfirmClientArgs(clientId, placement.InstanceId, era))).Confirmed;
                    if (!confirmed)
                    {
                        // The seat went while this client was being admitted (a held seat's late departure, or the room ended),
                        // or the room moved meanwhile. Asking again tells which (a new seat, 410 room-ended, another instance).
                        return null;
                    }

                    RouterLog.ClientJoined(logger, ClientTag.Of(clientId), id, placement.InstanceId);
                    var ticket = tickets.Issue(join.SigningKey, id, clientId, role, placement.InstanceId);
                    return RoomOutcome.Issued(new RoomTicket(
                        id, clientId, placement.Instance.Url, role, StreamProtocol.Offered, ticket, seat.Knocking, seat.JoinKey));
                }

                if (attempt >= options.CurrentValue.RegisterRetries)
                {
                    return RoomOutcome.Failed(RoomFailure.NoStreamInstance);
                }

                // A dead instance is evicted, so the room moves; one in another era means this replica's view is stale.
                if (seated is SeatingResult.Failed)
                {
                    await eviction.EvictAsync(placement.InstanceId, boot: null, cancellationToken);
                }
                else
                {
                    await registry.ReadNowAsync(cancellationToken);
                }

                seen = await room.GetPlacementAsync();
            }
        }
        finally
        {
            // A seat held before this call is the client's own: a failed rejoin leaves it as it was.
            if (!confirmed && !held)
            {
                await GiveBackSeatAsync(roomId, clientId);
            }
        }
    }

    private async Task<RoomFailure> RefusalAsync(RoomId roomId, JoinRoomStatus status, CancellationToken cancellationToken) => status switch
    {
        JoinRoomStatus.RoomFull => RoomFailure.RoomFull,
        JoinRoomStatus.Barred => RoomFailure.Barred,
        JoinRoomStatus.JoinWindowClosed => RoomFailure.JoinWindowClosed,
        JoinRoomStatus.WrongKey => RoomFailure.WrongJoinKey,
        JoinRoomStatus.Ended => RoomFailure.RoomEnded,

        // The actor has no room, though the cached ledger view had a row: the store says whether the room expired while
        // moving (410), was ended by its host (410), or lost its last client (404) meanwhile.
        _ => Missing(await ledger.StoredPresenceAsync(roomId, cancellationToken)),
    };

    private static RoomFailure Missing(RoomPresence presence) => presence switch
    {
        RoomPresence.Gone => RoomFailure.RoomGone,
        RoomPresence.Ended => RoomFailure.RoomEnded,
        _ => RoomFailure.RoomNotFound,
    };

    private async Task GiveBackSeatAsync(RoomId roomId, string clientId)
    {
        try
        {
            await removal.RemoveAsync(roomId, clientId, bar: false, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            RouterLog.SeatGiveBackFailed(logger, exception, roomId.ToString());
        }
    }
}
