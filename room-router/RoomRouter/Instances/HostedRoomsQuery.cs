using System.Collections.Concurrent;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Ledger;
using AvatarStream.RoomRouter.Rooms;

namespace AvatarStream.RoomRouter.Instances;

// The rooms an instance hosts with their clients, for a restarted instance to admit again: the ledger names the
// rooms, each room's actor names its clients (with their roles and names) and the room's settings. A room whose actor says another instance (or none) is left out.
internal sealed class HostedRoomsQuery(RoomLedger ledger, IRoomActors actors, TimeProvider clock)
{
    private const int ParallelActorReads = 8;

    public async Task<IReadOnlyList<HostedRoom>> ListAsync(string instanceId, CancellationToken cancellationToken)
    {
        var rooms = await ledger.RoomsOfAsync(instanceId, cancellationToken);
        var hosted = new ConcurrentBag<HostedRoom>();
        await Parallel.ForEachAsync(
            rooms,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelActorReads, CancellationToken = cancellationToken },
            async (room, _) =>
            {
                var id = room.ToString();
                var clients = await actors.Get(id).GetClientsAsync(new ClientsArgs(clock.GetUtcNow()));
                if (clients is { Settings: { } settings, Clients.Count: > 0 } && clients.InstanceId == instanceId)
                {
                    hosted.Add(new HostedRoom(id, clients.Clients, settings));
                }
            });
        return [.. hosted.OrderBy(room => room.RoomId, StringComparer.Ordinal)];
    }
}
