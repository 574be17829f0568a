using AvatarStream.Contracts;

namespace AvatarStream.RoomRouter.Streams;

/// <summary>Calls on a stream instance, addressed by its Dapr app-id.</summary>
public interface IStreamInstanceClient
{
    /// <summary>
    /// Admits a client to a room on the instance. False when the instance did not accept it in time (unreachable,
    /// error status, timeout); throws <see cref="OperationCanceledException"/> only when the caller gave up.
    /// </summary>
    public Task<bool> RegisterAsync(string instanceId, RegisterRequest request, CancellationToken cancellationToken);
}
