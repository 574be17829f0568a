using AvatarStream.Contracts;
using Dapr.Actors.Client;

namespace AvatarStream.RoomRouter.Rooms;

// A room's actor through the SDK's non-remoting proxy: JSON, method by name. Not the remoting proxy
// (CreateActorProxy<IRoomActor>): every remoting proxy builds its own serializers with their own
// JsonSerializerOptions, so with a proxy per call (one per room) each call rebuilt the JSON metadata of the
// message types by reflection, the largest single CPU cost of a create or join when profiled. The non-remoting proxy
// serializes with the factory's shared options, whose metadata is built once.
internal sealed class RoomActorClient(ActorProxy proxy) : IRoomActor
{
    public Task<RoomSnapshot> CreateAsync(CreateRoomArgs args) =>
        proxy.InvokeMethodAsync<CreateRoomArgs, RoomSnapshot>(nameof(IRoomActor.CreateAsync), args);

    public Task<JoinRoomResult> JoinAsync(JoinRoomArgs args) =>
        proxy.InvokeMethodAsync<JoinRoomArgs, JoinRoomResult>(nameof(IRoomActor.JoinAsync), args);

    public Task<ConfirmClientResult> ConfirmClientAsync(ConfirmClientArgs args) =>
        proxy.InvokeMethodAsync<ConfirmClientArgs, ConfirmClientResult>(nameof(IRoomActor.ConfirmClientAsync), args);

    public Task<RoomPlacement> MoveAsync(MoveRoomArgs args) =>
        proxy.InvokeMethodAsync<MoveRoomArgs, RoomPlacement>(nameof(IRoomActor.MoveAsync), args);

    public Task MarkPlacedAsync(PlacementArgs args) => proxy.InvokeMethodAsync(nameof(IRoomActor.MarkPlacedAsync), args);

    public Task<RecordResult> RecordAsync(RecordArgs args) =>
        proxy.InvokeMethodAsync<RecordArgs, RecordResult>(nameof(IRoomActor.RecordAsync), args);

    public Task<RecordingEnded> EndRecordingAsync(RecordingArgs args) =>
        proxy.InvokeMethodAsync<RecordingArgs, RecordingEnded>(nameof(IRoomActor.EndRecordingAsync), args);

    public Task<RoomPlacement> GetPlacementAsync() => proxy.InvokeMethodAsync<RoomPlacement>(nameof(IRoomActor.GetPlacementAsync));

    public Task<DeleteRoomResult> DeleteIfOnAsync(PlacementArgs args) =>
        proxy.InvokeMethodAsync<PlacementArgs, DeleteRoomResult>(nameof(IRoomActor.DeleteIfOnAsync), args);

    public Task<RemoveClientResult> RemoveClientUnlessLastAsync(RemoveClientArgs args) =>
        proxy.InvokeMethodAsync<RemoveClientArgs, RemoveClientResult>(nameof(IRoomActor.RemoveClientUnlessLastAsync), args);

    public Task<RemoveClientResult> RemoveClientAsync(RemoveClientArgs args) =>
        proxy.InvokeMethodAsync<RemoveClientArgs, RemoveClientResult>(nameof(IRoomActor.RemoveClientAsync), args);

    public Task EndAsync() => proxy.InvokeMethodAsync(nameof(IRoomActor.EndAsync));

    public Task<RoomLookup> GetAsync() => proxy.InvokeMethodAsync<RoomLookup>(nameof(IRoomActor.GetAsync));

    public Task<RoomClients> GetClientsAsync(ClientsArgs args) =>
        proxy.InvokeMethodAsync<ClientsArgs, RoomClients>(nameof(IRoomActor.GetClientsAsync), args);

    public Task DeleteAsync() => proxy.InvokeMethodAsync(nameof(IRoomActor.DeleteAsync));

    public Task<DeleteRoomResult> DeleteIfHostAsync(ClientArgs args) =>
        proxy.InvokeMethodAsync<ClientArgs, DeleteRoomResult>(nameof(IRoomActor.DeleteIfHostAsync), args);
}
