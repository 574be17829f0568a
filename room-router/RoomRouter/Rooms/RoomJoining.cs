using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Ledger;
using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Instances;
using AvatarStream.RoomRouter.Ledger;
using AvatarStream.RoomRouter.Options;
using AvatarStream.RoomRouter.Streams;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Rooms;

// join-room: reserve a pending seat in the room actor (which enforces the client limit), register on the room's
// instance, confirm the seat. A failed register means the instance is dead: evict it and answer 410. A seat left
// pending by a crash frees itself at its deadline. A client that still holds a seat (a reconnect) gets it back: the
// same client id, registered again, no new seat.
internal sealed class RoomJoining(
    InstanceRegistry registry,
    RoomLedger ledger,
    IRoomActors actors,
    IStreamInstanceClient streams,
    InstanceEviction eviction,
    ClientRemoval removal,
    IOptionsMonitor<RoomsOptions> options,
    TimeProvider clock,
    ILogger<RoomJoining> logger)
{
    public async Task<RoomOutcome> JoinAsync(RoomId roomId, string? heldClientId, CancellationToken cancellationToken)
    {
        // A room actor without a ledger row is a leftover of a crash, not a room; a tombstone says it died with its instance.
        switch (await ledger.PresenceAsync(roomId, cancellationToken))
        {
            case RoomPresence.Gone:
                return RoomOutcome.Failed(RoomFailure.RoomGone);
            case RoomPresence.Absent:
                return RoomOutcome.Failed(RoomFailure.RoomNotFound);
        }

        var outcome = await AdmitAsync(roomId, heldClientId, cancellationToken);

        // A held seat can be removed between taking and confirming it (its old socket's departure arriving late):
        // then join as anyone would.
        return outcome is null ? await AdmitAsync(roomId, null, cancellationToken) ?? RoomOutcome.Failed(RoomFailure.RoomGone) : outcome;
    }

    // Seat, register, confirm. Null when a held seat was lost before its confirm.
    private async Task<RoomOutcome?> AdmitAsync(RoomId roomId, string? heldClientId, CancellationToken cancellationToken)
    {
        var id = roomId.ToString();
        var room = actors.Get(id);
        var now = clock.GetUtcNow();
        var seat = await room.JoinAsync(new JoinRoomArgs(
            ClientIds.New(), options.CurrentValue.MaxClientsPerRoom, now, now + options.CurrentValue.ReservationTtl, heldClientId));
        if (seat is not { Status: JoinRoomStatus.Joined, InstanceId: { } instanceId, ClientId: { } clientId })
        {
            return RoomOutcome.Failed(seat.Status is JoinRoomStatus.RoomFull ? RoomFailure.RoomFull : await MissingRoomAsync(roomId, cancellationToken));
        }

        var held = clientId == heldClientId;
        var confirmed = false;
        try
        {
            if (await registry.StreamUrlAsync(instanceId, cancellationToken) is not { } streamUrl
                || !await streams.RegisterAsync(instanceId, new RegisterRequest(id, clientId), cancellationToken))
            {
                await eviction.EvictAsync(instanceId, cancellationToken);
                return RoomOutcome.Failed(RoomFailure.RoomGone);
            }

            confirmed = (await room.ConfirmClientAsync(new ClientArgs(clientId))).Confirmed;
            if (!confirmed)
            {
                // Otherwise the room was ended or evicted while this client was being admitted.
                return held ? null : RoomOutcome.Failed(RoomFailure.RoomGone);
            }

            RouterLog.ClientJoined(logger, ClientIds.Redact(clientId), id, instanceId);
            return RoomOutcome.Issued(new RoomTicket(id, clientId, streamUrl));
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

    // The actor has no room, though the cached ledger view had a row: the store says whether the room was evicted
    // with its instance meanwhile (410) or simply ended (404).
    private async Task<RoomFailure> MissingRoomAsync(RoomId roomId, CancellationToken cancellationToken) =>
        await ledger.StoredPresenceAsync(roomId, cancellationToken) is RoomPresence.Gone ? RoomFailure.RoomGone : RoomFailure.RoomNotFound;

    private async Task GiveBackSeatAsync(RoomId roomId, string clientId)
    {
        try
        {
            await removal.RemoveAsync(roomId, clientId, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            RouterLog.SeatGiveBackFailed(logger, exception, roomId.ToString());
        }
    }
}
