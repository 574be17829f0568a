using System.Collections.Concurrent;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Actors;
using AvatarStream.RoomRouter.Rooms;
using Dapr.Actors;
using Dapr.Actors.Runtime;

namespace AvatarStream.RoomRouter.Tests.Fakes;

// Real RoomActors on in-memory state, one call per room at a time as Dapr guarantees.
public sealed class InMemoryRoomActors : IRoomActors
{
    private readonly ConcurrentDictionary<string, (SemaphoreSlim Turn, FakeActorStateManager State)> _rooms = new(StringComparer.Ordinal);

    public IRoomActor Get(string roomId) => new TurnBasedRoom(this, roomId);

    public bool HasState(string roomId) => _rooms.TryGetValue(roomId, out var room) && room.State.Keys.Count > 0;

    public IReadOnlyList<string> RoomsWithState() => _rooms.Keys.Where(HasState).Order().ToList();

    private async Task<T> InvokeAsync<T>(string roomId, Func<RoomActor, Task<T>> call)
    {
        var (turn, state) = _rooms.GetOrAdd(roomId, _ => (new SemaphoreSlim(1, 1), new FakeActorStateManager()));
        await turn.WaitAsync();
        try
        {
            var host = ActorHost.CreateForTest<RoomActor>(new ActorTestOptions { ActorId = new ActorId(roomId) });
            return await call(new RoomActor(host, state));
        }
        finally
        {
            turn.Release();
        }
    }

    private sealed class TurnBasedRoom(InMemoryRoomActors actors, string roomId) : IRoomActor
    {
        public Task<RoomSnapshot> CreateAsync(CreateRoomArgs args) => actors.InvokeAsync(roomId, a => a.CreateAsync(args));

        public Task<JoinRoomResult> JoinAsync(JoinRoomArgs args) => actors.InvokeAsync(roomId, a => a.JoinAsync(args));

        public Task<ConfirmClientResult> ConfirmClientAsync(ConfirmClientArgs args) => actors.InvokeAsync(roomId, a => a.ConfirmClientAsync(args));

        public Task<RoomPlacement> MoveAsync(MoveRoomArgs args) => actors.InvokeAsync(roomId, a => a.MoveAsync(args));

        public Task MarkPlacedAsync(PlacementArgs args) => actors.InvokeAsync(roomId, async a =>
        {
            await a.MarkPlacedAsync(args);
            return true;
        });

        public Task<RecordResult> RecordAsync(RecordArgs args) => actors.InvokeAsync(roomId, a => a.RecordAsync(args));

        public Task<RecordingEnded> EndRecordingAsync(RecordingArgs args) => actors.InvokeAsync(roomId, a => a.EndRecordingAsync(args));

        public Task<RoomPlacement> GetPlacementAsync() => actors.InvokeAsync(roomId, a => a.GetPlacementAsync());

        public Task<DeleteRoomResult> DeleteIfOnAsync(PlacementArgs args) => actors.InvokeAsync(roomId, a => a.DeleteIfOnAsync(args));

        public Task<RemoveClientResult> RemoveClientUnlessLastAsync(RemoveClientArgs args) => actors.InvokeAsync(roomId, a => a.RemoveClientUnlessLastAsync(args));

        public Task<RemoveClientResult> RemoveClientAsync(RemoveClientArgs args) => actors.InvokeAsync(roomId, a => a.RemoveClientAsync(args));

        public Task EndAsync() => actors.InvokeAsync(roomId, async a =>
        {
            await a.EndAsync();
            return true;
        });

        public Task<RoomLookup> GetAsync() => actors.InvokeAsync(roomId, a => a.GetAsync());

        public Task<RoomClients> GetClientsAsync(ClientsArgs args) => actors.InvokeAsync(roomId, a => a.GetClientsAsync(args));

        public Task<DeleteRoomResult> DeleteIfHostAsync(ClientArgs args) => actors.InvokeAsync(roomId, a => a.DeleteIfHostAsync(args));

        public Task DeleteAsync() => actors.InvokeAsync(roomId, async a =>
        {
            await a.DeleteAsync();
            return true;
        });
    }
}
