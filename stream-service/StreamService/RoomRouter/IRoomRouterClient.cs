using AvatarStream.Contracts;

namespace AvatarStream.StreamService.RoomRouter;

// The room router's internal calls that a stream instance makes.
public interface IRoomRouterClient
{
    public Task PutTaskAsync(PutTaskRequest request, CancellationToken cancellationToken);

    public Task RemoveClientAsync(RemoveClientRequest request, CancellationToken cancellationToken);

    public Task EndRoomAsync(EndRoomRequest request, CancellationToken cancellationToken);

    public Task<InstanceRooms> GetHostedRoomsAsync(string instanceId, CancellationToken cancellationToken);
}
