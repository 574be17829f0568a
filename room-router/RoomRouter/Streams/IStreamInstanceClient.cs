using AvatarStream.Contracts;

namespace AvatarStream.RoomRouter.Streams;

// Calls on a stream instance, addressed by its Dapr app-id. Each answers how the instance took it; they throw
// OperationCanceledException only when the caller gave up.
public interface IStreamInstanceClient
{
    // Admits a client to a room on the instance.
    public Task<SeatingResult> RegisterAsync(string instanceId, RegisterRequest request, CancellationToken cancellationToken);

    // Places a moved room on the instance with every seat it holds.
    public Task<SeatingResult> PlaceRoomAsync(string instanceId, PlaceRoomRequest request, CancellationToken cancellationToken);

    // Sends a message to some members of a room on the instance; false when the instance could not be told.
    public Task<bool> NotifyAsync(string instanceId, NotifyRequest request, CancellationToken cancellationToken);
}

// How a stream instance took a register or place-room.
public enum SeatingResult
{
    // Seated.
    Seated,

    // The instance is alive but in another era than the caller's (409 stale-placement): read the registry again.
    StaleEra,

    // Not accepted in time (unreachable, error status, timeout, stopping): the instance is taken for dead.
    Failed,
}
