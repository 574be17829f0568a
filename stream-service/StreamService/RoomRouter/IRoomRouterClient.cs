using AvatarStream.Contracts;

namespace AvatarStream.StreamService.RoomRouter;

/// <summary>The room router's internal calls that a stream instance makes.</summary>
public interface IRoomRouterClient
{
    public Task PutTaskAsync(PutTaskRequest request, CancellationToken cancellationToken);

    public Task RemoveClientAsync(RemoveClientRequest request, CancellationToken cancellationToken);

    public Task<InstanceRooms> GetHostedRoomsAsync(string instanceId, CancellationToken cancellationToken);
}
