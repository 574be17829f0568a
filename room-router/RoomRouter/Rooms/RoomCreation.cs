using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Ledger;
using AvatarStream.RoomRouter.Core.Placement;
using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Instances;
using AvatarStream.RoomRouter.Ledger;
using AvatarStream.RoomRouter.Options;
using AvatarStream.RoomRouter.Streams;
using AvatarStream.ServiceDefaults.Tickets;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Rooms;

// create-room: place, reserve an id (a pending ledger row, which also holds a place under the room limit),
// register on the instance and create the room actor, commit the row. Anything short of the commit is undone in
// finally; a router that dies half-way leaves a pending row that the repair settles from the actor's state.
internal sealed class RoomCreation(
    InstanceRegistry registry,
    RoomLedger ledger,
    IRoomActors actors,
    IStreamInstanceClient streams,
    InstanceEviction eviction,
    TicketIssuer tickets,
    IOptionsMonitor<RoomsOptions> options,
    TimeProvider clock,
    ILogger<RoomCreation> logger)
{
    // A room with this policy whose host, the caller, is named hostName.
    public async Task<RoomOutcome> CreateAsync(string hostName, RoomPolicy policy, CancellationToken cancellationToken)
    {
        var host = new HostedClient(ClientIds.New(), RoomRoles.Host, hostName);
        var signingKey = await tickets.SigningKeyAsync(cancellationToken);
        var instances = await registry.LiveAsync(cancellationToken);
        if (!instances.Values.Any(instance => !instance.Draining))
        {
            instances = await registry.ReadFreshAsync(cancellationToken);
        }

        var takers = instances.Where(instance => !instance.Value.Draining).Select(instance => instance.Key).ToList();
        var tried = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; attempt <= options.CurrentValue.RegisterRetries; attempt++)
        {
            var roomsPerInstance = (await ledger.ViewAsync(cancellationToken)).RoomsPerInstance();
            if (InstancePlacement.Choose(takers, roomsPerInstance, tried, Random.Shared) is not { } instanceId)
            {
                break;
            }

            tried.Add(instanceId);
            if (await TryCreateOnAsync(instanceId, instances[instanceId], host, policy, signingKey, cancellationToken) is { } outcome)
            {
                return outcome;
            }
        }

        return RoomOutcome.Failed(RoomFailure.NoStreamInstance);
    }

    // A ticket, a limit, or null when this instance failed and the next one should be tried.
    private async Task<RoomOutcome?> TryCreateOnAsync(
        string instanceId, StreamInstance instance, HostedClient host, RoomPolicy policy, TicketKey signingKey, CancellationToken cancellationToken)
    {
        var ttl = options.CurrentValue.ReservationTtl;
        if (await ledger.ReserveAsync(instanceId, clock.GetUtcNow() + ttl, cancellationToken) is not { } reservation)
        {
            return RoomOutcome.Failed(RoomFailure.TooManyRooms);
        }

        var roomId = reservation.RoomId.ToString();
        var committed = false;
        try
        {
            // The actor and the instance are independent, so both are asked at once: one round trip off the
            // critical path. If the register fails, the finally below deletes the actor again.
            var settings = RoomMapping.ToSettings(policy);
            var joinKey = JoinKeys.New();
            var creating = actors.Get(roomId).CreateAsync(
                new CreateRoomArgs(instanceId, host.ClientId, clock.GetUtcNow(), host.Name, settings, policy.MaxClients, joinKey, instance.Era));
            var registering = streams.RegisterAsync(
                instanceId, new RegisterRequest(roomId, host.ClientId, host.Role, host.Name, settings, Era: instance.Era), cancellationToken);
            await Task.WhenAll(creating, registering);
            switch (await registering)
            {
                case SeatingResult.Failed:
                    await eviction.EvictAsync(instanceId, boot: null, cancellationToken);
                    return null;
                case SeatingResult.StaleEra:
                    // This replica's view of the instance is behind: the next instance is tried, with a fresh view.
                    await registry.ReadNowAsync(cancellationToken);
                    return null;
            }

            // Past two thirds of its life the row is too close to the repair's reach to commit; start over elsewhere.
            if (clock.GetUtcNow() > reservation.Until - (ttl / 3))
            {
                return null;
            }

            committed = await ledger.CommitAsync(reservation, cancellationToken);
            if (!committed)
            {
                return null;
            }

            RouterLog.RoomCreated(logger, roomId, instanceId, ClientTag.Of(host.ClientId));
            var ticket = tickets.Issue(signingKey, roomId, host.ClientId, host.Role, instanceId);
            return RoomOutcome.Issued(new RoomTicket(roomId, host.ClientId, instance.Url, host.Role, StreamProtocol.Offered, ticket, JoinKey: joinKey));
        }
        finally
        {
            if (!committed)
            {
                await RollBackAsync(reservation, host.ClientId);
            }
        }
    }

    private async Task RollBackAsync(Reservation reservation, string hostClientId)
    {
        // The caller may have gone away; the undo must still happen. The actor goes before the row: a row left
        // behind by a crash here is settled by the repair, an actor left behind has no row and is never reached.
        // Only this create's actor goes: if the repair freed the row meanwhile, the id may already hold a new room.
        try
        {
            await actors.Get(reservation.RoomId.ToString()).DeleteIfHostAsync(new ClientArgs(hostClientId));
            await ledger.ReleaseAsync(reservation, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            RouterLog.RollbackFailed(logger, exception, reservation.RoomId.ToString());
        }
    }
}
