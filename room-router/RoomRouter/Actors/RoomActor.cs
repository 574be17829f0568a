using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Rooms;
using Dapr.Actors.Runtime;

namespace AvatarStream.RoomRouter.Actors;

// A room as a Dapr actor: load the room, let Core decide, save the room. Dapr runs one call per room at a time,
// so seat counting needs no further locking. The caller passes the time, so the actor holds no clock.
// An ended room stays stored as such until a create reuses the id: a join is told it ended, every other call sees
// no room, so the ledger's repair and a late departure treat it as gone.
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
        var policy = RoomMapping.ToPolicy(args.Settings, args.MaxClients);
        var room = Room.Create(args.InstanceId, args.Era, args.HostClientId, args.HostName, policy, args.Now, args.JoinKey);
        await StateManager.SetStateAsync(RoomKey, room);
        return Snapshot(room);
    }

    public async Task<JoinRoomResult> JoinAsync(JoinRoomArgs args)
    {
        if (await LoadAsync() is not { } room)
        {
            return new JoinRoomResult(JoinRoomStatus.NotFound, null);
        }

        var (status, clientId, after) = room.Join(args.ClientId, args.HeldClientId, args.Name, args.Key, args.MaxClients, args.PendingUntil, args.Now);
        if (!ReferenceEquals(after, room))
        {
            await StateManager.SetStateAsync(RoomKey, after);
        }

        if (status is not JoinStatus.Joined || clientId is null)
        {
            return new JoinRoomResult(Refusal(status), null);
        }

        var seat = after.Clients[clientId];
        return new JoinRoomResult(
            JoinRoomStatus.Joined,
            after.InstanceId,
            clientId,
            RoomMapping.ToRole(seat.Role),
            seat.Name,
            RoomMapping.ToSettings(after.Policy),
            seat.Knocking,
            seat.Role == MemberRole.Host ? after.JoinKey : null,
            after.Era,
            after.Placed);
    }

    public async Task<ConfirmClientResult> ConfirmClientAsync(ConfirmClientArgs args)
    {
        if (await LoadAsync() is not { } room || !room.TryConfirm(args.ClientId, args.InstanceId, args.Era, out var after))
        {
            return new ConfirmClientResult(false);
        }

        if (!ReferenceEquals(after, room))
        {
            await StateManager.SetStateAsync(RoomKey, after);
        }

        return new ConfirmClientResult(true);
    }

    public async Task<RoomPlacement> MoveAsync(MoveRoomArgs args)
    {
        if (await LoadOpenAsync() is not { } room)
        {
            return NoPlacement;
        }

        var (moved, after) = room.Move(args.FromInstance, args.FromEra, args.ToInstance, args.ToEra);
        if (moved)
        {
            await StateManager.SetStateAsync(RoomKey, after);
        }

        return Placement(after) with { Moved = moved };
    }

    public async Task MarkPlacedAsync(PlacementArgs args)
    {
        if (await LoadOpenAsync() is { } room && room.MarkPlaced(args.InstanceId, args.Era) is var after && !ReferenceEquals(after, room))
        {
            await StateManager.SetStateAsync(RoomKey, after);
        }
    }

    public async Task<RecordResult> RecordAsync(RecordArgs args)
    {
        if (await LoadOpenAsync() is not { } room)
        {
            return new RecordResult(RecordDecisions.Of(RecordDecision.NotMember));
        }

        var going = room.Recording;
        var (decision, after) = room.Record(args.ClientId, args.On, args.NewRecordingId, args.NewRecorderClientId, args.Now);
        if (!ReferenceEquals(after, room))
        {
            await StateManager.SetStateAsync(RoomKey, after);
        }

        var recording = after.Recording ?? going;
        return decision switch
        {
            RecordDecision.Started or RecordDecision.Joined => new RecordResult(
                RecordDecisions.Of(decision), recording!.Id, recording.RecorderClientId, recording.Recipients, after.InstanceId, after.Era, RoomMapping.ToSettings(after.Policy)),
            RecordDecision.Stopped => new RecordResult(RecordDecisions.Of(decision), going!.Id, going.RecorderClientId),
            _ => new RecordResult(RecordDecisions.Of(decision)),
        };
    }

    public async Task<RecordingEnded> EndRecordingAsync(RecordingArgs args)
    {
        if (await LoadAsync() is not { } room || room.EndRecording(args.RecordingId, args.RecorderClientId) is var after && ReferenceEquals(after, room))
        {
            return new RecordingEnded(null);
        }

        await StateManager.SetStateAsync(RoomKey, after);
        return new RecordingEnded(room.Recording!.Id);
    }

    public async Task<RoomPlacement> GetPlacementAsync() => await LoadOpenAsync() is { } room ? Placement(room) : NoPlacement;

    public async Task<DeleteRoomResult> DeleteIfOnAsync(PlacementArgs args) =>
        new(await LoadAsync() is { } room && room.IsOn(args.InstanceId, args.Era) && await StateManager.TryRemoveStateAsync(RoomKey));

    public Task<RemoveClientResult> RemoveClientUnlessLastAsync(RemoveClientArgs args) => RemoveAsync(args, endRoom: false);

    public Task<RemoveClientResult> RemoveClientAsync(RemoveClientArgs args) => RemoveAsync(args, endRoom: true);

    public async Task EndAsync()
    {
        if (await LoadOpenAsync() is { } room)
        {
            await StateManager.SetStateAsync(RoomKey, room.End());
        }
    }

    public async Task<RoomLookup> GetAsync() =>
        new(await LoadOpenAsync() is { } room ? Snapshot(room) : null);

    public async Task<RoomClients> GetClientsAsync(ClientsArgs args)
    {
        if (await LoadOpenAsync() is not { } room)
        {
            return new RoomClients(null, []);
        }

        var clients = room.LiveClients(args.Now).Select(client => RoomMapping.ToClient(client.Key, client.Value)).ToList();
        return new RoomClients(room.InstanceId, clients, RoomMapping.ToSettings(room.Policy), room.Era);
    }

    public Task DeleteAsync() => StateManager.TryRemoveStateAsync(RoomKey);

    public async Task<DeleteRoomResult> DeleteIfHostAsync(ClientArgs args) =>
        new(await LoadAsync() is { } room && room.HostClientId == args.ClientId && await StateManager.TryRemoveStateAsync(RoomKey));

    private async Task<RemoveClientResult> RemoveAsync(RemoveClientArgs args, bool endRoom)
    {
        if (await LoadOpenAsync() is not { } room)
        {
            return new RemoveClientResult(RemoveClientStatus.NotFound);
        }

        var (status, after) = room.Remove(args.ClientId, args.Bar, args.Now);
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
                // Not a member, though a bar on its identity may still have to be kept.
                if (!ReferenceEquals(after, room))
                {
                    await StateManager.SetStateAsync(RoomKey, after);
                }

                return new RemoveClientResult(RemoveClientStatus.NotMember);
        }
    }

    private static JoinRoomStatus Refusal(JoinStatus status) => status switch
    {
        JoinStatus.Barred => JoinRoomStatus.Barred,
        JoinStatus.JoinWindowClosed => JoinRoomStatus.JoinWindowClosed,
        JoinStatus.Ended => JoinRoomStatus.Ended,
        JoinStatus.WrongKey => JoinRoomStatus.WrongKey,
        _ => JoinRoomStatus.RoomFull,
    };

    private async Task<Room?> LoadAsync()
    {
        var stored = await StateManager.TryGetStateAsync<Room>(RoomKey);
        return stored.HasValue ? stored.Value : null;
    }

    // The room unless it ended: to everything but a join, an ended room is no room.
    private async Task<Room?> LoadOpenAsync() => await LoadAsync() is { Ended: false } room ? room : null;

    private static readonly RoomPlacement NoPlacement = new(null, 0, Placed: false);

    private static RoomPlacement Placement(Room room) => new(room.InstanceId, room.Era, room.Placed);

    private static RoomSnapshot Snapshot(Room room) => new(room.InstanceId, room.Clients.Count, room.CreatedAt);
}
