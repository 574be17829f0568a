using AvatarStream.Contracts;

namespace AvatarStream.StreamService.RoomRouter;

// The room router's internal calls that a stream instance makes.
public interface IRoomRouterClient
{
    public Task<PutTaskResponse> PutTaskAsync(PutTaskRequest request, CancellationToken cancellationToken);

    public Task RemoveClientAsync(RemoveClientRequest request, CancellationToken cancellationToken);

    public Task EndRoomAsync(EndRoomRequest request, CancellationToken cancellationToken);

    public Task<RecordRoomResponse> RecordRoomAsync(RecordRoomRequest request, CancellationToken cancellationToken);

    // A draining instance takes itself out of placement (drain-instance) and, once its sockets are closed, out of the
    // registry (evict-instance), so that its rooms move.
    public Task DrainInstanceAsync(DrainInstanceRequest request, CancellationToken cancellationToken);

    public Task EvictInstanceAsync(EvictInstanceRequest request, CancellationToken cancellationToken);
}
