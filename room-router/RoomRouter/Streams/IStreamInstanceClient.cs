using AvatarStream.Contracts;

namespace AvatarStream.RoomRouter.Streams;

// Calls on a stream instance, addressed by its Dapr app-id.
public interface IStreamInstanceClient
{
    // Admits a client to a room on the instance. False when the instance did not accept it in time (unreachable,
    // error status, timeout); throws OperationCanceledException only when the caller gave up.
    public Task<bool> RegisterAsync(string instanceId, RegisterRequest request, CancellationToken cancellationToken);
}
