using AvatarStream.Contracts;

namespace AvatarStream.StreamService.RoomRouter;

/// <summary>The room router's internal calls that a stream instance makes.</summary>
public interface IRoomRouterClient
{
    Task PutTaskAsync(PutTaskRequest request, CancellationToken cancellationToken);

    Task RemoveClientAsync(RemoveClientRequest request, CancellationToken cancellationToken);

    Task<InstanceRooms> GetHostedRoomsAsync(string instanceId, CancellationToken cancellationToken);
}
