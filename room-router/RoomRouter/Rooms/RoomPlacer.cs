using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Placement;
using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Instances;
using AvatarStream.RoomRouter.Ledger;
using AvatarStream.RoomRouter.Options;
using AvatarStream.RoomRouter.Streams;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Rooms;

// Keeps a room on a live instance. A room lives where its actor says (instance and era) only while that instance is
// registered in that era and not draining; otherwise the room moves: the usual placement picks a live instance, the
// actor's compare-and-set (MoveAsync) makes one router's move win when several try at once, and the winner's target gets
// every seat the room holds (place-room), so a member who never comes back times out there as usual. A router that dies
// after the move but before the seats are placed leaves the room marked not placed: the next join places them.
internal sealed class RoomPlacer(
    InstanceRegistry registry,
    RoomLedger ledger,
    InstanceEviction eviction,
    IStreamInstanceClient streams,
    RouterMetrics metrics,
    IOptionsMonitor<RoomsOptions> options,
    TimeProvider clock,
    ILogger<RoomPlacer> logger)
{
    // Where the room lives now, with every seat placed there; moves it first when it must. Null with RoomFailure.None
    // when the room went away meanwhile (the caller asks again to learn what became of it).
    public async Task<(LivePlacement? Placement, RoomFailure Failure)> EnsureAsync(
        RoomId roomId, IRoomActor room, RoomPlacement seen, CancellationToken cancellationToken)
    {
        var tried = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; attempt <= options.CurrentValue.RegisterRetries + 1; attempt++)
        {
            if (seen.InstanceId is not { } instanceId)
            {
                return (null, RoomFailure.None);
            }

            if (await HostAsync(instanceId, seen.Era, cancellationToken) is not { } host)
            {
                if (await MoveAsync(roomId, room, seen, tried, cancellationToken) is not { } moved)
                {
                    return (null, RoomFailure.NoStreamInstance);
                }

                seen = moved;
                continue;
            }

            var placement = new LivePlacement(instanceId, host);
            if (seen.Placed)
            {
                return (placement, RoomFailure.None);
            }

            if (await PlaceSeatsAsync(roomId, room, placement, cancellationToken))
            {
                return (placement, RoomFailure.None);
            }

            seen = await room.GetPlacementAsync();
        }

        return (null, RoomFailure.NoStreamInstance);
    }

    // The instance when a room placed on it in era lives there now; looks in the store before concluding it does not.
    private async Task<StreamInstance?> HostAsync(string instanceId, long era, CancellationToken cancellationToken)
    {
        if ((await registry.LiveAsync(cancellationToken)).GetValueOrDefault(instanceId) is { } cached && cached.Hosts(era))
        {
            return cached;
        }

        return (await registry.ReadFreshAsync(cancellationToken)).GetValueOrDefault(instanceId) is { } stored && stored.Hosts(era) ? stored : null;
    }

    // Moves the room off where it was seen to the live instance with the fewest rooms; answers where the room is now
    // (this move's target, or another router's), or null when no instance can take it.
    private async Task<RoomPlacement?> MoveAsync(
        RoomId roomId, IRoomActor room, RoomPlacement seen, HashSet<string> tried, CancellationToken cancellationToken)
    {
        var instances = await registry.ReadFreshAsync(cancellationToken);
        var roomsPerInstance = (await ledger.ViewAsync(cancellationToken)).RoomsPerInstance();
        var takers = instances.Where(instance => !instance.Value.Draining).Select(instance => instance.Key);
        if (InstancePlacement.Choose(takers, roomsPerInstance, tried, Random.Shared) is not { } target)
        {
            return null;
        }

        tried.Add(target);
        var from = seen.InstanceId!;
        var to = instances[target];
        var now = await room.MoveAsync(new MoveRoomArgs(from, seen.Era, target, to.Era));
        if (now.Moved)
        {
            var endedAt = await registry.EraEndedAtAsync(from, seen.Era, cancellationToken);
            metrics.RoomMoved(endedAt is { } at ? clock.GetUtcNow() - at : null);
            RouterLog.RoomMoved(logger, roomId.ToString(), from, seen.Era, target, to.Era);
            await ledger.RelocateAsync(roomId, target, cancellationToken);
        }

        return now;
    }

    // Registers every seat of the room on its new instance; false when that did not happen (the instance failed and was
    // evicted, it is in another era, or the room moved on meanwhile): the caller looks where the room is now.
    private async Task<bool> PlaceSeatsAsync(RoomId roomId, IRoomActor room, LivePlacement placement, CancellationToken cancellationToken)
    {
        var era = placement.Instance.Era;
        var clients = await room.GetClientsAsync(new ClientsArgs(clock.GetUtcNow()));
        if (clients.InstanceId != placement.InstanceId || clients.Era != era || clients.Settings is not { } settings)
        {
            return false;
        }

        var request = new PlaceRoomRequest(roomId.ToString(), era, clients.Clients, settings);
        switch (await streams.PlaceRoomAsync(placement.InstanceId, request, cancellationToken))
        {
            case SeatingResult.Seated:
                await room.MarkPlacedAsync(new PlacementArgs(placement.InstanceId, era));
                return true;
            case SeatingResult.StaleEra:
                await registry.ReadNowAsync(cancellationToken);
                return false;
            default:
                await eviction.EvictAsync(placement.InstanceId, boot: null, cancellationToken);
                return false;
        }
    }
}

// A room's live home: the instance's app-id and how it is registered (URL, era).
internal sealed record LivePlacement(string InstanceId, StreamInstance Instance);
