using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Rooms;
using Dapr.Actors.Runtime;

namespace AvatarStream.RoomRouter.Actors;

// A room as a Dapr actor: load the room, let Core decide, save the room. Dapr runs one call per room at a time,
// so seat counting needs no further locking. The caller passes the time, so the actor holds no clock.
public sealed class RoomActor : Actor, IRoomActor
{
    private const string RoomKey = "room";

    public RoomActor(ActorHost host, IActorStateManager? stateManager = null)
        : base(host)
    {
        if (stateManager is not null)
        {
            StateManager = stateManager;
        }
    }

    public async Task<RoomSnapshot> CreateAsync(CreateRoomArgs args)
    {
        // Overwrites on purpose: the caller holds the ledger row for this id, so whatever is here is a leftover.
        var room = Room.Create(args.InstanceId, args.HostClientId, args.Now);
        await StateManager.SetStateAsync(RoomKey, room);
        return Snapshot(room);
    }

    public async Task<JoinRoomResult> JoinAsync(JoinRoomArgs args)
    {
        if (await LoadAsync() is not { } room)
        {
            return new JoinRoomResult(JoinRoomStatus.NotFound, null);
        }

        // Core answers Joined without a new seat for a client that already holds one.
        var clientId = args.HeldClientId is { } held && room.HoldsSeat(held, args.Now) ? held : args.ClientId;
        var (status, after) = room.Join(clientId, args.MaxClients, args.PendingUntil, args.Now);
        await StateManager.SetStateAsync(RoomKey, after);
        return status is JoinStatus.Joined
            ? new JoinRoomResult(JoinRoomStatus.Joined, after.InstanceId, clientId)
            : new JoinRoomResult(JoinRoomStatus.RoomFull, null);
    }

    public async Task<ConfirmClientResult> ConfirmClientAsync(ClientArgs args)
    {
        if (await LoadAsync() is not { } room || !room.TryConfirm(args.ClientId, out var after))
        {
            return new ConfirmClientResult(false);
        }

        if (!ReferenceEquals(after, room))
        {
            await StateManager.SetStateAsync(RoomKey, after);
        }

        return new ConfirmClientResult(true);
    }

    public Task<RemoveClientResult> RemoveClientUnlessLastAsync(RemoveClientArgs args) => RemoveAsync(args, endRoom: false);

    public Task<RemoveClientResult> RemoveClientAsync(RemoveClientArgs args) => RemoveAsync(args, endRoom: true);

    public async Task<RoomLookup> GetAsync() =>
        new(await LoadAsync() is { } room ? Snapshot(room) : null);

    public async Task<RoomClients> GetClientsAsync(ClientsArgs args) =>
        await LoadAsync() is { } room ? new(room.InstanceId, room.LiveClientIds(args.Now)) : new(null, []);

    public Task DeleteAsync() => StateManager.TryRemoveStateAsync(RoomKey);

    public async Task<DeleteRoomResult> DeleteIfHostAsync(ClientArgs args) =>
        new(await LoadAsync() is { } room && room.HostClientId == args.ClientId && await StateManager.TryRemoveStateAsync(RoomKey));

    private async Task<RemoveClientResult> RemoveAsync(RemoveClientArgs args, bool endRoom)
    {
        if (await LoadAsync() is not { } room)
        {
            return new RemoveClientResult(RemoveClientStatus.NotFound);
        }

        var (status, after) = room.Remove(args.ClientId, args.Now);
        switch (status)
        {
            case RemoveStatus.LastClientLeft when !endRoom:
                return new RemoveClientResult(RemoveClientStatus.LastClient);
            case RemoveStatus.LastClientLeft:
                await StateManager.TryRemoveStateAsync(RoomKey);
                return new RemoveClientResult(RemoveClientStatus.RoomEnded);
            case RemoveStatus.Removed:
                await StateManager.SetStateAsync(RoomKey, after);
                return new RemoveClientResult(RemoveClientStatus.Removed);
            default:
                return new RemoveClientResult(RemoveClientStatus.NotMember);
        }
    }

    private async Task<Room?> LoadAsync()
    {
        var stored = await StateManager.TryGetStateAsync<Room>(RoomKey);
        return stored.HasValue ? stored.Value : null;
    }

    private static RoomSnapshot Snapshot(Room room) => new(room.InstanceId, room.Clients.Count, room.CreatedAt);
}
